package io.ledgerline.query.search.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One event as indexed for audit; the document id is the event id.
 *
 * @param payload the event's JSON, stored but not indexed
 * @param payloadText the same JSON as text, indexed for free-text search and left out of answers
 */
public record AuditDocument(String eventId, String type, String aggregateType, String aggregateId, long sequence,
        long globalPosition, Instant timestamp, String user, String correlationId, String causationId,
        Map<String, String> metadata, JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) String payloadText) {

    public static final String PAYLOAD_TEXT = "payloadText";

    AuditDocument withPayload(JsonNode newPayload) {
        return new AuditDocument(eventId, type, aggregateType, aggregateId, sequence, globalPosition, timestamp, user,
                correlationId, causationId, metadata, newPayload, newPayload.toString());
    }
}
