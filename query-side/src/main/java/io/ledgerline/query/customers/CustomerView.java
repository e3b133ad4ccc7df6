package io.ledgerline.query.customers;

import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A customer as the query side serves it; an erased customer has no name or email any more. */
@Schema(name = "CustomerView")
public record CustomerView(@Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String customerId,
        @Schema(description = "Null once erased", types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH)
        String name,
        @Schema(description = "Null once erased", types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH)
        String email,
        @Schema(allowableValues = {"ACTIVE", "ERASED"}) String status,
        @Schema(minimum = "0", maximum = "9223372036854775807") long version,
        Instant registeredAt, Instant updatedAt) {
}
