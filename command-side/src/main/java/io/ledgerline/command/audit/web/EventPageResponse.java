package io.ledgerline.command.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.command.audit.AuditedEvent;
import io.ledgerline.command.audit.EventPage;
import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of an aggregate's history, oldest first; page n holds the events from sequence n * size on. */
@Schema(name = "EventPage")
public record EventPageResponse(
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String aggregateId,
        @Schema(minimum = "0", maximum = "2147483647") int page,
        @Schema(minimum = "1", maximum = "" + AuditParameters.MAX_PAGE_SIZE) int size,
        @Schema(description = "Events of the aggregate in all", minimum = "1", maximum = "9223372036854775807")
        long totalEvents,
        @ArraySchema(maxItems = AuditParameters.MAX_PAGE_SIZE) List<Event> events) {

    static EventPageResponse of(EventPage page) {
        return new EventPageResponse(page.aggregateId(), page.page(), page.size(), page.totalEvents(),
                page.events().stream().map(Event::of).toList());
    }

    /**
     * One stored event as the audit log shows it.
     *
     * @param payload  as published on ledger.events in its current revision (older revisions are upcast):
     *                 the ledger's event contract, so its amounts are {@code {"amount", "currency"}} objects
     */
    @Schema(name = "AuditedEvent")
    public record Event(
            @Schema(description = "The event's sequence in its aggregate, from 0", minimum = "0",
                    maximum = "9223372036854775807") long sequence,
            @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String eventId,
            @Schema(description = "The event's simple name, as on Kafka", example = "MoneyDeposited", maxLength = 100,
                    pattern = "^[A-Z][A-Za-z0-9]*$") String type,
            @Schema(description = "The revision of the payload shown: the current one", example = "\"2\"", maxLength = 20,
                    pattern = "^[0-9]+$") String revision,
            Instant timestamp,
            @Schema(description = "The payload as published on ledger.events in its current "
                    + "revision (see docs/api/ledger-events.asyncapi.yaml); personal data opened while the customer's "
                    + "key exists", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode payload,
            @Schema(description = "Who caused it and why: user, correlationId, causationId and whatever else it "
                    + "carries") Map<String, Object> metadata) {

        static Event of(AuditedEvent event) {
            return new Event(event.sequence(), event.eventId(), event.type(), event.revision(), event.timestamp(),
                    event.payload(), event.metadata());
        }
    }
}
