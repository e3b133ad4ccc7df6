package io.ledgerline.query.audit.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.web.ApiFormats;
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
@Schema(name = "AuditDocument")
public record AuditDocument(@Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String eventId,
        @Schema(description = "The event type's simple name", example = "MoneyDeposited", pattern = "^[A-Za-z]{1,100}$",
                maxLength = 100) String type,
        @Schema(example = "Account", pattern = "^[A-Za-z]{1,100}$", maxLength = 100) String aggregateType,
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String aggregateId,
        @Schema(minimum = "0", maximum = "9223372036854775807") long sequence,
        @Schema(minimum = "0", maximum = "9223372036854775807") long globalPosition,
        Instant timestamp,
        @Schema(description = "Who caused the event, as the subject of the caller's token or SYSTEM; null when the "
                + "event's metadata names no one", types = {"string", "null"}) String user,
        @Schema(types = {"string", "null"}, pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH)
        String correlationId,
        @Schema(types = {"string", "null"}, pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH)
        String causationId,
        @Schema(description = "The event's metadata as published with it on ledger.events")
        Map<String, String> metadata,
        @Schema(description = "The event's payload as published on "
                + "ledger.events (docs/api/ledger-events.asyncapi.yaml describes each type and revision), its personal "
                + "data and booking texts masked once their owner is erased; its fields depend on the type",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        JsonNode payload,
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
