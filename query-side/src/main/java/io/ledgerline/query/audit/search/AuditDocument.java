package io.ledgerline.query.audit.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event as indexed for audit; the document id is the event id.
 *
 * @param payload the event's JSON, stored but not indexed
 * @param payloadText the same JSON as text, indexed for free-text search and left out of answers
 * @param textOwner the customer whose key sealed the free text of a booking or transfer request, whose
 *        erasure redacts it; left out of answers, and of events without such text
 */
public record AuditDocument(String eventId, String type, String aggregateType, String aggregateId, long sequence,
        long globalPosition, Instant timestamp, String user, String correlationId, String causationId,
        Map<String, String> metadata, JsonNode payload,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String payloadText,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String textOwner) {

    public static final String PAYLOAD_TEXT = "payloadText";
    public static final String TEXT_OWNER = "textOwner";
    /** Fields that serve search and erasure only; answers leave them out, and so does the API document. */
    public static final List<String> INTERNAL_FIELDS = List.of(PAYLOAD_TEXT, TEXT_OWNER);

    AuditDocument withPayload(JsonNode newPayload) {
        return new AuditDocument(eventId, type, aggregateType, aggregateId, sequence, globalPosition, timestamp, user,
                correlationId, causationId, metadata, newPayload, newPayload.toString(), textOwner);
    }
}
