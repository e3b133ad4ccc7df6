package io.ledgerline.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.TransferFailed;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WireSchemasTest {

    private final ObjectMapper json = new ObjectMapper();
    private final WireSchemas schemas = WireSchemas.ofPublishedEvents();

    @Nested
    class EventPayloads {

        @Test
        void requireEveryComponentOfTheRecordAndNothingElse() {
            JsonNode schema = schemas.eventSchema(AccountOpened.class);

            assertThat(schema.get("type").asText()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
            assertThat(json.convertValue(schema.get("required"), String[].class))
                    .containsExactly("accountId", "customerId", "currency", "overdraftLimit");
            assertThat(schema.get("properties").fieldNames()).toIterable()
                    .containsExactly("accountId", "customerId", "currency", "overdraftLimit");
        }

        @Test
        void writeIdsAsNonBlankStrings() {
            JsonNode accountId = schemas.eventSchema(AccountOpened.class).at("/properties/accountId");

            assertThat(accountId.get("type").asText()).isEqualTo("string");
            assertThat(accountId.get("pattern").asText()).isEqualTo("\\S");
        }

        @Test
        void writeCurrenciesAsIsoCodes() {
            JsonNode currency = schemas.eventSchema(AccountOpened.class).at("/properties/currency");

            assertThat(currency.get("type").asText()).isEqualTo("string");
            assertThat(currency.get("pattern").asText()).isEqualTo("^[A-Z]{3}$");
        }

        @Test
        void referToMoneyAsOneSharedSchema() {
            assertThat(schemas.eventSchema(AccountOpened.class).at("/properties/overdraftLimit/$ref").asText())
                    .isEqualTo("#/components/schemas/Money");
        }

        @Test
        void writePersonalDataAsAStringThatNamesHowItIsSealed() {
            JsonNode description = schemas.eventSchema(MoneyDeposited.class).at("/properties/description");

            assertThat(description.get("pattern").asText()).isEqualTo("^(v1:|v2:|plain:)");
        }

        @Test
        void allowNullOnlyWhereTheRecordSaysAFieldMayBeNull() {
            JsonNode properties = schemas.eventSchema(MoneyDeposited.class).get("properties");

            assertThat(json.convertValue(properties.at("/description/type"), String[].class)).containsExactly("string", "null");
            assertThat(json.convertValue(properties.at("/customerId/type"), String[].class)).containsExactly("string", "null");
            assertThat(properties.at("/customerId/description").asText()).endsWith(WireSchemas.MAY_BE_NULL);
            assertThat(properties.at("/accountId/type").asText()).isEqualTo("string");
            assertThat(properties.at("/accountId/description").asText()).doesNotContain(WireSchemas.MAY_BE_NULL);
            assertThat(properties.at("/amount/$ref").asText()).isEqualTo("#/components/schemas/Money");
        }

        @Test
        void writePlainTextAsStrings() {
            assertThat(schemas.eventSchema(TransferFailed.class).at("/properties/reason/type").asText()).isEqualTo("string");
        }
    }

    @Nested
    class Money {

        @Test
        void isADecimalStringAndACurrencyCode() {
            schemas.eventSchema(AccountOpened.class);
            JsonNode money = schemas.valueSchemas().get("Money");

            assertThat(money.get("additionalProperties").asBoolean(true)).isFalse();
            assertThat(json.convertValue(money.get("required"), String[].class)).containsExactly("amount", "currency");
            assertThat(money.at("/properties/amount/type").asText()).isEqualTo("string");
            assertThat(money.at("/properties/amount/pattern").asText()).isEqualTo("^-?[0-9]+(\\.[0-9]+)?$");
            assertThat(money.at("/properties/currency/pattern").asText()).isEqualTo("^[A-Z]{3}$");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aComponentWithoutAKnownWireForm() {
            assertThatThrownBy(() -> new WireSchemas(Map.of()).eventSchema(Timed.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Timed.at").hasMessageContaining("Instant");
        }

        @Test
        void nullabilityOfAComponentTheRecordDoesNotHave() {
            assertThatThrownBy(() -> new WireSchemas(Map.of(AccountOpened.class, Set.of("ownerName"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AccountOpened has no component ownerName");
        }
    }

    record Timed(Instant at) implements LedgerEvent {

        @Override
        public String aggregateId() {
            return "timed";
        }
    }
}
