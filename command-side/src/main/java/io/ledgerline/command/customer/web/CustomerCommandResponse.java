package io.ledgerline.command.customer.web;

import io.ledgerline.command.infrastructure.idempotency.CustomerScoped;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.events.CustomerId;
import org.springframework.http.ResponseEntity;

/** What an accepted customer command answers: the customer and the version the command produced. */
public record CustomerCommandResponse(String customerId, long version) implements CustomerScoped {

    static ResponseEntity<CustomerCommandResponse> ok(CustomerId customerId, long version) {
        return ResponseEntity.ok().eTag(IfMatch.etagOf(version)).body(new CustomerCommandResponse(customerId.value(), version));
    }
}
