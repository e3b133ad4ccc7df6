package io.ledgerline.query.parking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An event a projection could not apply, as the admin API shows it. */
@Schema(name = "ParkedEvent")
public record ParkedEvent(@Schema(minimum = "0", maximum = "9223372036854775807") long id,
        @Schema(description = "The consumer group of the projection that parked it", maxLength = 100) String consumerGroup,
        @Schema(description = "A Kafka topic's name", pattern = "^[A-Za-z0-9._-]{1,249}$", maxLength = 249) String topic,
        @Schema(minimum = "0", maximum = "2147483647") int partition,
        @Schema(minimum = "0", maximum = "9223372036854775807") long offset,
        @Schema(description = "Null when the record could not be read as an event", types = {"string", "null"},
                maxLength = 200) String aggregateId,
        @Schema(description = "Null when the record could not be read as an event", types = {"string", "null"},
                maxLength = 100) String eventType,
        @Schema(description = "Null when the record could not be read as an event", types = {"string", "null"},
                maxLength = 100) String eventId,
        @Schema(description = "Why it could not be applied at the last attempt: each cause's class and message, "
                + "unbounded") String error,
        @Schema(allowableValues = {"PARKED", "RESOLVED"}) String status,
        @Schema(minimum = "0", maximum = "2147483647") int attempts,
        Instant recordTimestamp,
        Instant parkedAt,
        @Schema(description = "Null while PARKED", types = {"string", "null"}, format = "date-time", maxLength = 40)
        Instant resolvedAt) {
}
