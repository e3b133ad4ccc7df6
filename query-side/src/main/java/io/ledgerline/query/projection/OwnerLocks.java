package io.ledgerline.query.projection;

import java.util.Collection;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Serializes, per customer, the projection of the customer's name and the opening of their
 * accounts. The two travel on different partitions, so two query nodes may project them at the same
 * moment; each transaction would miss the other's uncommitted row (the opening finds no name to
 * copy, the registration no account to name) and the account would keep no name. Under the lock the
 * second waits for the first to commit, and its next statement sees that row.
 */
public final class OwnerLocks {

    // the first half of the two-part advisory lock key, apart from the gates' and the rebuild leases' locks
    static final int LOCK_SPACE = 0x4c4c4f57;

    private OwnerLocks() {
    }

    /** Takes the customers' locks until the end of the current transaction, in one order everywhere. */
    public static void lock(JdbcClient jdbc, Collection<String> customerIds) {
        for (String customerId : new TreeSet<>(customerIds)) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:customerId))::text")
                    .param("space", LOCK_SPACE)
                    .param("customerId", customerId)
                    .query(String.class).single();
        }
    }
}
