package io.ledgerline.query.projection;

import io.ledgerline.query.projection.OwnersToLock.OwnerLock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Serializes, per customer, the projection of the customer's name and the opening of their
 * accounts. The two travel on different partitions, so two query nodes may project them at the same
 * moment; each transaction would miss the other's uncommitted row (the opening finds no name to
 * copy, the registration no account to name) and the account would keep no name. Under the lock the
 * second waits for the first to commit, and its next statement sees that row.
 *
 * <p>The same locks keep the row locks of the projection apart: every statement that writes or
 * share-locks an owner's {@code customer_view} row, or writes the owner's {@code account_view} rows,
 * runs while its transaction holds the owner's lock in a mode that excludes every conflicting one
 * ({@link OwnersToLock}), and {@link SqlProjection} takes all of a transaction's owner locks before
 * its first write, in one order (see LOCK). So a projection's lock on those rows never waits for
 * another projection's, and its owner locks never wait crosswise.
 */
public final class OwnerLocks {

    // the first half of the two-part advisory lock key, apart from the gates' and the rebuild leases' locks
    static final int LOCK_SPACE = 0x4c4c4f57;

    /**
     * One statement for all the owners, in the order of their lock keys: the one order that matters
     * when two ids share a key. An owner is locked once, exclusively where any id of its key wants
     * that. PostgreSQL evaluates a volatile select list after the sort (since 9.6), so the locks are
     * taken in that order, not in the order rows happen to come.
     */
    private static final String LOCK = """
            SELECT CASE WHEN owner.exclusive THEN pg_advisory_xact_lock(?, owner.key)::text
                        ELSE pg_advisory_xact_lock_shared(?, owner.key)::text END
            FROM (SELECT hashtext(id) AS key, bool_or(id = ANY(?::text[])) AS exclusive
                  FROM unnest(?::text[]) AS id GROUP BY 1) AS owner
            ORDER BY owner.key
            """;

    private OwnerLocks() {
    }

    /** Takes the owners' locks until the end of the current transaction. */
    static void lock(JdbcClient jdbc, List<OwnerLock> owners) {
        if (owners.isEmpty()) {
            return;
        }
        jdbc.sql(LOCK)
                .param(LOCK_SPACE)
                .param(LOCK_SPACE)
                .param(owners.stream().filter(OwnerLock::exclusive).map(OwnerLock::customerId).toArray(String[]::new))
                .param(owners.stream().map(OwnerLock::customerId).toArray(String[]::new))
                .query(String.class).list();
    }
}
