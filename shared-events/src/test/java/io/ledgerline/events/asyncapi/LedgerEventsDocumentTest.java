package io.ledgerline.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The committed contract of ledger.events is what the event records generate, and a complete
 * AsyncAPI 3.0 document as far as a Java check can tell ({@code @asyncapi/cli validate} in CI checks
 * the rest).
 */
class LedgerEventsDocumentTest {

    static final String WRITE_PROPERTY = "ledgerline.asyncapi.write";

    private final Path committed = ModulePaths.document();

    @Test
    void describesTheW3cTraceContextHeaderAsOptional() {
        JsonNode headers = CommittedDocument.read().at("/components/schemas/LedgerHeaders");

        assertThat(headers.at("/properties/traceparent/pattern").asText())
                .isEqualTo("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
        assertThat(headers.path("required")).noneMatch(name -> name.asText().equals("traceparent"));
    }

    @Test
    void committedDocumentIsWhatTheEventRecordsGenerate() throws IOException {
        String generated = LedgerEventsDocument.generate().yaml();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated);
        }
        assertThat(committed).as("the AsyncAPI document of ledger.events").exists();
        String difference = firstDifference(Files.readString(committed), generated);
        assertThat(difference)
                .withFailMessage("%s is not what the event records generate (%s); regenerate it with%n"
                        + "  ./mvnw -B -ntp -q -pl shared-events test -Dtest=LedgerEventsDocumentTest -D%s=true%n"
                        + "and commit it with the change to the events", committed, difference, WRITE_PROPERTY)
                .isEmpty();
    }

    /** The first line that differs, or "" when none does: the whole documents would bury it. */
    private static String firstDifference(String committedText, String generatedText) {
        List<String> committedLines = committedText.lines().toList();
        List<String> generatedLines = generatedText.lines().toList();
        for (int line = 0; line < Math.max(committedLines.size(), generatedLines.size()); line++) {
            String was = line < committedLines.size() ? committedLines.get(line) : "<end of file>";
            String is = line < generatedLines.size() ? generatedLines.get(line) : "<end of file>";
            if (!was.equals(is)) {
                return "line " + (line + 1) + " is \"" + was.strip() + "\", generated \"" + is.strip() + "\"";
            }
        }
        // a checkout may turn line endings into the platform's: those are not a difference of the contract
        return "";
    }

    @Nested
    class AsCommitted {

        private final JsonNode document = CommittedDocument.read();

        @Test
        void isAnAsyncApiThreeDocumentWithItsRequiredParts() {
            assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
            assertThat(document.at("/info/title").asText()).isNotBlank();
            assertThat(document.at("/info/version").asText()).isNotBlank();
            assertThat(document.at("/info/description").asText()).isNotBlank();
            assertThat(document.path("defaultContentType").asText()).isEqualTo("application/json");
            assertThat(document.fieldNames()).toIterable()
                    .allMatch(List.of("asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations",
                            "components")::contains);
        }

        @Test
        void resolvesEveryReferenceWithinItself() {
            List<String> references = new ArrayList<>();
            collectReferences(document, references);

            assertThat(references).isNotEmpty().allSatisfy(reference -> {
                assertThat(reference).startsWith("#/");
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            });
        }

        private void collectReferences(JsonNode node, List<String> references) {
            if (node.has("$ref")) {
                references.add(node.get("$ref").asText());
            }
            node.forEach(child -> collectReferences(child, references));
        }

        @Test
        void hasTheTopicAsItsChannel() {
            JsonNode channel = document.at("/channels/ledgerEvents");

            assertThat(channel.path("address").asText()).isEqualTo(LedgerHeaders.TOPIC);
            assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(LedgerHeaders.TOPIC);
            assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1);
        }

        @Test
        void hasOneMessagePerPublishedEventType() {
            List<String> typeNames = EventTypes.all().stream().map(EventTypes::nameOf).toList();

            assertThat(document.at("/components/messages").fieldNames()).toIterable()
                    .containsExactlyInAnyOrderElementsOf(typeNames);
            assertThat(document.at("/channels/ledgerEvents/messages").fieldNames()).toIterable()
                    .containsExactlyInAnyOrderElementsOf(typeNames);
            assertThat(document.at("/operations/publishLedgerEvents/messages")).hasSize(typeNames.size());
            assertThat(document.at("/operations/publishLedgerEvents/action").asText()).isEqualTo("send");
        }

        @Test
        void namesEachMessageAfterItsTypeWithItsCurrentRevision() {
            for (Class<? extends LedgerEvent> type : EventTypes.all()) {
                JsonNode message = message(type);
                assertThat(message.path("name").asText()).isEqualTo(EventTypes.nameOf(type));
                assertThat(message.path("title").asText())
                        .isEqualTo(EventTypes.nameOf(type) + ", revision " + EventTypes.revisionOf(type));
                assertThat(message.at("/headers/allOf/1/properties/" + LedgerHeaders.EVENT_REVISION + "/const").asText())
                        .isEqualTo(EventTypes.revisionOf(type));
                assertThat(message.at("/payload/$ref").asText()).isEqualTo("#/components/schemas/" + EventTypes.nameOf(type));
                assertThat(document.at("/components/schemas/" + EventTypes.nameOf(type) + "/type").asText()).isEqualTo("object");
            }
        }

        @Test
        void keysEachMessageByItsAggregateId() {
            assertThat(message(TransferRequested.class).at("/bindings/kafka/key/type").asText()).isEqualTo("string");
            assertThat(message(TransferRequested.class).at("/bindings/kafka/key/description").asText())
                    .startsWith("`transferId`");
            assertThat(message(TransferDebitReversed.class).at("/bindings/kafka/key/description").asText())
                    .startsWith("`accountId`");
            assertThat(message(TransferDebitReversed.class)
                    .at("/headers/allOf/1/properties/" + LedgerHeaders.AGGREGATE_TYPE + "/const").asText())
                    .isEqualTo("Account");
        }

        @Test
        void listsEveryHeaderOfTheRecords() {
            JsonNode headers = document.at("/components/schemas/LedgerHeaders/properties");

            assertThat(headers.fieldNames()).toIterable().containsExactly(
                    LedgerHeaders.EVENT_ID, LedgerHeaders.EVENT_TYPE, LedgerHeaders.EVENT_REVISION,
                    LedgerHeaders.AGGREGATE_TYPE, LedgerHeaders.AGGREGATE_ID, LedgerHeaders.AGGREGATE_SEQUENCE,
                    LedgerHeaders.GLOBAL_POSITION, LedgerHeaders.TIMESTAMP,
                    LedgerHeaders.METADATA_PREFIX + "user", LedgerHeaders.METADATA_PREFIX + "correlationId",
                    LedgerHeaders.METADATA_PREFIX + "causationId", "traceparent");
            headers.forEach(header -> assertThat(header.path("description").asText()).isNotBlank());
        }

        @Test
        void describesTheFieldsOfEachEventFromItsRecord() {
            assertThat(message(MoneyDeposited.class).path("description").asText())
                    .isEqualTo(Javadoc.of(MoneyDeposited.class).markdown());
        }

        @Test
        void tellsConsumersWhatTheyMustKnow() {
            assertThat(document.at("/info/description").asText())
                    .contains("at least once", LedgerHeaders.EVENT_ID, LedgerHeaders.AGGREGATE_SEQUENCE,
                            "in order", "older revisions", "sealed");
        }

        private JsonNode message(Class<?> type) {
            return document.at("/components/messages/" + EventTypes.nameOf(type));
        }
    }
}
