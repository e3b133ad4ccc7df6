package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static ChainedEvent event(String aggregateId, long sequence, String payload, Map<String, String> metadata) {
        return new ChainedEvent("Account", aggregateId, sequence, "event-1", "2026-12-06T10:00:00.000Z",
                "io.ledgerline.events.MoneyDeposited", "3", payload.getBytes(StandardCharsets.UTF_8), metadata);
    }

    private static final ChainedEvent DEPOSIT = event("acc-1", 1, "{\"amount\":\"10.00\"}",
            Map.of("user", "teller-1", "correlationId", "corr-1"));

    @Test
    void isTheDocumentedSha256OfTheCanonicalEncoding() {
        // pinned, and rebuilt independently from the README's description: verifiers outside this code base rely on it
        assertThat(EventHash.of(ChainMetadata.GENESIS, DEPOSIT))
                .isEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT))
                .hasSize(64)
                .isEqualTo("5ce25bdd07c0912c1af6ef01a67786c24e75bc04b885cd83cc44e926e9cfb675");
    }

    @Nested
    class ChangesWhen {

        @Test
        void oneByteOfThePayloadChanges() {
            assertThat(EventHash.of(ChainMetadata.GENESIS, event("acc-1", 1, "{\"amount\":\"10.01\"}", DEPOSIT.businessMetadata())))
                    .isNotEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
        }

        @Test
        void thePreviousHashChanges() {
            assertThat(EventHash.of("11".repeat(32), DEPOSIT)).isNotEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
        }

        @Test
        void theSequenceChanges() {
            assertThat(EventHash.of(ChainMetadata.GENESIS, event("acc-1", 2, "{\"amount\":\"10.00\"}", DEPOSIT.businessMetadata())))
                    .isNotEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
        }

        @Test
        void aBusinessMetadataValueChanges() {
            assertThat(EventHash.of(ChainMetadata.GENESIS, event("acc-1", 1, "{\"amount\":\"10.00\"}",
                    Map.of("user", "teller-2", "correlationId", "corr-1"))))
                    .isNotEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
        }

        @Test
        void textMovesAcrossAFieldBoundary() {
            ChainedEvent shifted = new ChainedEvent("Accoun", "tacc-1", 1, "event-1", "2026-12-06T10:00:00.000Z",
                    "io.ledgerline.events.MoneyDeposited", "3", DEPOSIT.payload(), DEPOSIT.businessMetadata());
            assertThat(EventHash.of(ChainMetadata.GENESIS, shifted)).isNotEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
        }
    }

    @Test
    void ignoresTheOrderOfTheMetadataKeys() {
        java.util.LinkedHashMap<String, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put("correlationId", "corr-1");
        reversed.put("user", "teller-1");
        assertThat(EventHash.of(ChainMetadata.GENESIS, event("acc-1", 1, "{\"amount\":\"10.00\"}", reversed)))
                .isEqualTo(EventHash.of(ChainMetadata.GENESIS, DEPOSIT));
    }

    @Test
    void coversOnlyTheBusinessKeysOfTheMetadata() {
        assertThat(ChainMetadata.businessPart(Map.of("user", "teller-1", "correlationId", "corr-1",
                "causationId", "cmd-1", "traceparent", "00-abc-def-01", ChainMetadata.HASH, "ff")))
                .containsOnlyKeys("causationId", "correlationId", "user");
    }
}
