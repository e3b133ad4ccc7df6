package io.ledgerline.query.security;

import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.Roles;
import java.util.Optional;

/** Whose data the caller of a query may read. */
public final class ReadAccess {

    private ReadAccess() {
    }

    /**
     * The customer whose data alone the current caller may read, or empty for tellers and auditors,
     * who read everyone's. Read on the request's thread: a read that waits for a version finishes
     * on another one.
     */
    public static Optional<String> onlyCustomer() {
        return Caller.required().onlyCustomer(Roles.TELLER, Roles.AUDITOR);
    }

    /** Whether an item of the given customer is visible to a caller limited as {@link #onlyCustomer()} says. */
    public static boolean visible(Optional<String> onlyCustomer, String ownerCustomerId) {
        return onlyCustomer.isEmpty() || onlyCustomer.get().equals(ownerCustomerId);
    }
}
