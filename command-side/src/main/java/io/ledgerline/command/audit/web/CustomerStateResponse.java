package io.ledgerline.command.audit.web;

import io.ledgerline.command.audit.CustomerState;
import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A customer as it was; an erased customer's name and email are the erasure marker, at every version. */
@Schema(name = "CustomerState")
public record CustomerStateResponse(
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String customerId,
        @Schema(description = "The name, or the erasure marker", example = "Ada Lovelace", maxLength = 200) String name,
        @Schema(description = "The email address, or the erasure marker", example = "ada@example.org", maxLength = 254)
        String email,
        CustomerState.Status status,
        @Schema(description = "The sequence of the customer's event that produced this state, from 0", minimum = "0",
                maximum = "9223372036854775807") long version,
        @Schema(description = "The timestamp of that event") Instant lastEventAt) {

    static CustomerStateResponse of(CustomerState state) {
        return new CustomerStateResponse(state.customerId(), state.name(), state.email(), state.status(),
                state.version(), state.lastEventAt());
    }
}
