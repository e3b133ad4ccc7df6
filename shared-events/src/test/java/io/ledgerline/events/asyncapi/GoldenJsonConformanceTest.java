package io.ledgerline.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed contract accepts the wire form the golden tests pin for every current revision, and
 * refuses what no producer of the ledger writes.
 */
class GoldenJsonConformanceTest {

    private static final Path GOLDEN = ModulePaths.module().resolve("src/test/resources/golden");

    private final ObjectMapper json = new ObjectMapper();
    private final CommittedDocument contract = CommittedDocument.load();

    /** Goldens of the revision each type is at now: {@code Type-<revision>.json} or {@code Type-<revision>-<case>.json}. */
    static Stream<String> currentGoldens() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            return EventTypes.all().stream().flatMap(type -> {
                Pattern current = Pattern.compile(Pattern.quote(EventTypes.nameOf(type) + "-" + EventTypes.revisionOf(type))
                        + "(-[a-z-]+)?\\.json");
                return names.stream().filter(name -> current.matcher(name).matches());
            }).toList().stream();
        }
    }

    @Test
    void everyPublishedTypeHasAGoldenOfItsCurrentRevision() throws IOException {
        List<String> goldens = currentGoldens().toList();
        for (Class<? extends LedgerEvent> type : EventTypes.all()) {
            assertThat(goldens).as("goldens of %s", type.getSimpleName())
                    .anyMatch(name -> name.startsWith(EventTypes.nameOf(type) + "-" + EventTypes.revisionOf(type)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentGoldens")
    void everyGoldenOfACurrentRevisionConformsToItsMessage(String golden) throws IOException {
        String type = golden.substring(0, golden.indexOf('-'));

        assertThat(payloadErrors(type, golden(golden))).isEmpty();
    }

    @Nested
    class RefusedPayloads {

        @Test
        void aMissingField() throws IOException {
            assertRefused(MoneyDeposited.class, "MoneyDeposited-4.json", payload -> payload.remove("balance"), "balance");
        }

        @Test
        void aMissingNullableField() throws IOException {
            assertRefused(MoneyDeposited.class, "MoneyDeposited-4-without-text.json",
                    payload -> payload.remove("reference"), "reference");
        }

        @Test
        void anAmountWrittenAsANumber() throws IOException {
            assertRefused(MoneyDeposited.class, "MoneyDeposited-4.json",
                    payload -> ((ObjectNode) payload.get("amount")).put("amount", 12.5), "amount");
        }

        @Test
        void anAmountThatIsNotADecimal() throws IOException {
            assertRefused(MoneyDeposited.class, "MoneyDeposited-4.json",
                    payload -> ((ObjectNode) payload.get("amount")).put("amount", "1.2e3"), "amount");
        }

        @Test
        void aCurrencyThatIsNotAnIsoCode() throws IOException {
            assertRefused(AccountOpened.class, "AccountOpened-1.json", payload -> payload.put("currency", "euro"), "currency");
        }

        @Test
        void anIdThatIsNotAString() throws IOException {
            assertRefused(AccountOpened.class, "AccountOpened-1.json", payload -> payload.put("accountId", 1), "accountId");
        }

        @Test
        void aBlankId() throws IOException {
            assertRefused(AccountOpened.class, "AccountOpened-1.json", payload -> payload.put("customerId", " "), "customerId");
        }

        @Test
        void nullWhereTheRecordNeverWritesIt() throws IOException {
            assertRefused(TransferRequested.class, "TransferRequested-2.json", payload -> payload.putNull("amount"), "amount");
        }

        @Test
        void plainTextPersonalData() throws IOException {
            assertRefused(MoneyDeposited.class, "MoneyDeposited-4.json", payload -> payload.put("description", "Salary"),
                    "description");
            assertRefused(CustomerRegistered.class, "CustomerRegistered-2.json",
                    payload -> payload.put("name", "Ada Lovelace"), "name");
        }

        @Test
        void aFieldTheRecordDoesNotHave() throws IOException {
            assertRefused(AccountOpened.class, "AccountOpened-1.json", payload -> payload.put("ownerName", "Ada"), "ownerName");
        }

        @Test
        void anOlderRevisionAsTheCurrentOne() throws IOException {
            assertThat(payloadErrors("MoneyDeposited", golden("MoneyDeposited-3.json"))).isNotEmpty();
            assertThat(payloadErrors("CustomerRegistered", golden("CustomerRegistered-1.json"))).isNotEmpty();
        }

        private void assertRefused(Class<? extends LedgerEvent> type, String golden, Consumer<ObjectNode> change,
                String field) throws IOException {
            ObjectNode payload = golden(golden);
            change.accept(payload);

            List<Error> errors = payloadErrors(EventTypes.nameOf(type), payload);

            assertThat(errors).as("errors for %s", payload).isNotEmpty()
                    .anySatisfy(error -> assertThat(error.toString()).contains(field));
        }
    }

    @Nested
    class Headers {

        @Test
        void asThePublisherWritesThemConform() {
            assertThat(headerErrors(MoneyDeposited.class, publishedHeaders())).isEmpty();
        }

        @Test
        void withoutTheEventIdAreRefused() {
            ObjectNode headers = publishedHeaders();
            headers.remove(LedgerHeaders.EVENT_ID);

            assertThat(headerErrors(MoneyDeposited.class, headers)).isNotEmpty();
        }

        @Test
        void ofAnotherRevisionOrTypeAreRefused() {
            assertThat(headerErrors(MoneyDeposited.class, publishedHeaders().put(LedgerHeaders.EVENT_REVISION, "3"))).isNotEmpty();
            assertThat(headerErrors(MoneyDeposited.class, publishedHeaders().put(LedgerHeaders.EVENT_TYPE, "MoneyWithdrawn")))
                    .isNotEmpty();
        }

        @Test
        void withASequenceThatIsNotANumberAreRefused() {
            assertThat(headerErrors(MoneyDeposited.class, publishedHeaders().put(LedgerHeaders.AGGREGATE_SEQUENCE, "seven")))
                    .isNotEmpty();
        }

        /** What the command side's publisher writes for a deposit (see LedgerRecords there). */
        private ObjectNode publishedHeaders() {
            return json.createObjectNode()
                    .put(LedgerHeaders.EVENT_ID, "5f0c6a1e-8d47-4b0e-9a53-2f7c1d9e4b21")
                    .put(LedgerHeaders.EVENT_TYPE, "MoneyDeposited")
                    .put(LedgerHeaders.EVENT_REVISION, EventTypes.revisionOf(MoneyDeposited.class))
                    .put(LedgerHeaders.AGGREGATE_TYPE, "Account")
                    .put(LedgerHeaders.AGGREGATE_ID, "acc-1")
                    .put(LedgerHeaders.AGGREGATE_SEQUENCE, "7")
                    .put(LedgerHeaders.GLOBAL_POSITION, "1042")
                    .put(LedgerHeaders.TIMESTAMP, "2026-12-06T07:05:41.123Z")
                    .put(LedgerHeaders.METADATA_PREFIX + "user", "teller-1")
                    .put(LedgerHeaders.METADATA_PREFIX + "correlationId", "c0ffee00-0000-4000-8000-000000000001")
                    .put(LedgerHeaders.METADATA_PREFIX + "causationId", "c0ffee00-0000-4000-8000-000000000002");
        }

        private List<Error> headerErrors(Class<?> type, JsonNode headers) {
            return contract.schemaAt("/components/messages/" + EventTypes.nameOf(type) + "/headers").validate(headers);
        }
    }

    private List<Error> payloadErrors(String type, JsonNode payload) {
        Schema schema = contract.schemaAt("/components/messages/" + type + "/payload");
        return schema.validate(payload);
    }

    private ObjectNode golden(String name) throws IOException {
        return (ObjectNode) json.readTree(GOLDEN.resolve(name).toFile());
    }
}
