package io.ledgerline.command.customer.web;

import io.ledgerline.command.infrastructure.idempotency.CustomerScoped;
import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.events.CustomerId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;

/** What an accepted customer command answers: the customer and the version the command produced. */
public record CustomerCommandResponse(@Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String customerId,
        @Schema(description = "The version the command produced: the sequence of its last event, from 0", minimum = "0",
        maximum = "9223372036854775807") long version) implements CustomerScoped {

    static ResponseEntity<CustomerCommandResponse> ok(CustomerId customerId, long version) {
        return ResponseEntity.ok().eTag(IfMatch.etagOf(version)).body(new CustomerCommandResponse(customerId.value(), version));
    }
}
