package io.ledgerline.query.customers;

import java.time.Instant;

/** A customer as the query side serves it; an erased customer has no name or email any more. */
public record CustomerView(String customerId, String name, String email, String status, long version,
        Instant registeredAt, Instant updatedAt) {
}
