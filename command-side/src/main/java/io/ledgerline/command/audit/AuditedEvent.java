package io.ledgerline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event as the audit log shows it.
 *
 * @param type     the event's simple name, as on Kafka
 * @param revision the revision of the payload shown, the current one: older stored revisions are upcast
 * @param metadata who caused it and why: user, correlationId, causationId and whatever else it carries
 */
public record AuditedEvent(long sequence, String eventId, String type, String revision, Instant timestamp,
        JsonNode payload, Map<String, Object> metadata) {
}
