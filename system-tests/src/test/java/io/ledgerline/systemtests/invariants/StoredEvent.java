package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of the event store, its JSON payload parsed. */
public record StoredEvent(long globalIndex, String aggregateId, long sequence, String type, JsonNode payload,
        Instant timestamp) {

    /** A {@code Money} field's amount, as the exact decimal the event carries. */
    BigDecimal money(String field) {
        return new BigDecimal(payload.path(field).path("amount").asText());
    }

    String text(String field) {
        return payload.path(field).asText();
    }
}
