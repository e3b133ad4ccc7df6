package io.ledgerline.command.integrity;

import java.util.Map;

/**
 * What the hash of a stored event covers, exactly as the event store row holds it: the payload is
 * the stored bytes (the sealed ciphertext of personal data, so erasing a key never breaks a chain;
 * upcasters never change stored bytes), the metadata only its business keys
 * ({@link ChainMetadata#BUSINESS_KEYS}).
 *
 * @param aggregateType   the stored aggregate type, null for an event without aggregate
 * @param timestamp       the stored timestamp text
 * @param payloadRevision null when the event type has no revision
 */
public record ChainedEvent(
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventId,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        Map<String, String> businessMetadata) {
}
