package io.ledgerline.query.projection;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The customers ("owners") whose locks one transaction of the SQL projection takes, each in the
 * mode its events need. The projectors name them per event ({@link SqlProjector#owners}) before any
 * of them writes, so that {@link SqlProjection} takes them all at once, in one order
 * ({@link OwnerLocks}). Taken event by event instead, a batch could lock B (a customer event) and
 * then A (an account opening) while another node's batch locked A and then B: a crosswise wait
 * that PostgreSQL ends by aborting one of the two batches.
 *
 * <p>The lock covers the owner's {@code customer_view} row and the owner's rows in
 * {@code account_view}. Exclusive: the transaction writes the customer's row and with it the name
 * on all the customer's accounts (a customer event). Shared: it share-locks the row (to copy the
 * name, or to mask text written under a key the customer's erasure deletes), or writes one account
 * row of the customer's. So batches of account events on two nodes go on side by side, and a
 * customer event waits for them, or they for it.
 */
public final class OwnersToLock {

    private final Set<String> exclusive = new HashSet<>();
    private final Set<String> shared = new HashSet<>();
    private final Set<String> sharedAccounts = new HashSet<>();

    /** A customer whose own row the event writes; null (an event that names none) is ignored. */
    public void exclusive(String customerId) {
        if (customerId != null) {
            exclusive.add(customerId);
        }
    }

    /** A customer whose row the event share-locks, or one of whose accounts it writes; null is ignored. */
    public void shared(String customerId) {
        if (customerId != null) {
            shared.add(customerId);
        }
    }

    /**
     * Like {@link #shared}, for an event that does not name the account's owner: the owner as the
     * projector finds them, in account_view. An account not projected yet has none to lock, and the
     * projector finds none either.
     */
    public void sharedOwnerOf(String accountId) {
        sharedAccounts.add(accountId);
    }

    /**
     * Every owner once, in the mode it needs: an owner wanted in both modes is locked exclusively
     * only, since a shared lock held while waiting for the exclusive one could wait crosswise with
     * another holder's. {@code ownersOfAccounts} is asked only when an account's owner is wanted.
     * Sorted by id for a stable answer; {@link OwnerLocks} takes them in the order of their lock keys.
     */
    List<OwnerLock> locks(Function<Set<String>, Collection<String>> ownersOfAccounts) {
        TreeMap<String, Boolean> owners = new TreeMap<>();
        shared.forEach(owner -> owners.put(owner, false));
        if (!sharedAccounts.isEmpty()) {
            ownersOfAccounts.apply(Set.copyOf(sharedAccounts)).stream().filter(owner -> owner != null)
                    .forEach(owner -> owners.put(owner, false));
        }
        exclusive.forEach(owner -> owners.put(owner, true));
        return owners.entrySet().stream().map(owner -> new OwnerLock(owner.getKey(), owner.getValue())).toList();
    }

    /** One owner's lock, exclusive or shared. */
    record OwnerLock(String customerId, boolean exclusive) {
    }
}
