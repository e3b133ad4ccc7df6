package io.ledgerline.command.audit;

import java.time.Instant;

/** A customer as it was at one version; an erased customer's name and email are the erasure marker. */
public record CustomerState(String customerId, String name, String email, Status status, long version,
        Instant lastEventAt) {

    public enum Status { ACTIVE, ERASED }
}
