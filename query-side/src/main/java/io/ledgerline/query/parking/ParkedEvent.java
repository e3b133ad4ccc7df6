package io.ledgerline.query.parking;

import java.time.Instant;

/** An event a projection could not apply, as the admin API shows it. */
public record ParkedEvent(long id, String consumerGroup, String topic, int partition, long offset,
        String aggregateId, String eventType, String eventId, String error, String status, int attempts,
        Instant recordTimestamp, Instant parkedAt, Instant resolvedAt) {
}
