package io.ledgerline.command.infrastructure.aggregatecache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache of aggregates that other commands only ever see in a state the database has committed.
 *
 * <p>Axon's caching repository puts an aggregate back when its unit of work ends and evicts it when
 * the unit of work rolls back. A REST command's unit of work joins a longer transaction (it also
 * stores the idempotency key) that commits after the unit of work has ended and released the
 * aggregate: a commit failing there would leave state in the cache whose events were never stored,
 * and the next command would append after them, leaving a gap in the aggregate's sequence that no
 * unique key refuses. So, inside a transaction, an aggregate taken from the cache is out of it
 * until the transaction ends, and what the command puts back enters the cache only once the
 * transaction has committed. Another command on the same aggregate meanwhile loads it from the
 * event store, where the first command's uncommitted events make it wait and then refuse it as a
 * conflict, which is retried as every cross-node conflict is.
 *
 * <p>Another node's commands never reach this cache: an entry may be behind the store, and a command
 * on it appends a sequence number the store already holds, which its unique key refuses. Axon's
 * rollback evicts the entry and the command is retried on the stored state.
 */
public class CommittedStateCache implements Cache {

    private static final Object REMOVED = new Object();

    private final BoundedCache committed;

    public CommittedStateCache(BoundedCache committed) {
        this.committed = committed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        if (!inTransaction()) {
            return committed.get(key);
        }
        Map<Object, Object> ofThisTransaction = changesOfThisTransaction();
        if (ofThisTransaction.containsKey(key)) {
            Object changed = ofThisTransaction.get(key);
            return changed == REMOVED ? null : (V) changed;
        }
        return committed.take(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (inTransaction()) {
            changesOfThisTransaction().put(key, value == null ? REMOVED : value);
        } else {
            committed.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = committed.remove(key);
        if (inTransaction()) {
            Object changed = changesOfThisTransaction().put(key, REMOVED);
            removed |= changed != null && changed != REMOVED;
        }
        return removed;
    }

    @Override
    public void removeAll() {
        committed.removeAll();
        if (inTransaction()) {
            changesOfThisTransaction().clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        if (inTransaction()) {
            Object changed = changesOfThisTransaction().get(key);
            if (changed != null) {
                return changed != REMOVED;
            }
        }
        return committed.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return committed.registerCacheEntryListener(cacheEntryListener);
    }

    private static boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** What this transaction put or removed, in order, to apply once it has committed. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> changesOfThisTransaction() {
        Map<Object, Object> changes = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            Map<Object, Object> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedStateCache.this);
                    if (status == STATUS_COMMITTED) {
                        created.forEach((key, value) -> committed.put(key, value == REMOVED ? null : value));
                    }
                }
            });
            changes = created;
        }
        return changes;
    }
}
