package io.ledgerline.command.infrastructure.aggregatecache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A cache of at most so many entries, the least recently used leaving first. Axon's own in-memory
 * cache holds its entries by weak reference, without a bound on their number: how much memory the
 * aggregates of a busy ledger take would be up to the garbage collector, not to the configuration.
 */
public class BoundedCache implements Cache {

    private final int maximumEntries;
    private final LinkedHashMap<Object, Object> entries;

    public BoundedCache(int maximumEntries) {
        if (maximumEntries < 0) {
            throw new IllegalArgumentException("A cache holds zero or more entries, not " + maximumEntries);
        }
        this.maximumEntries = maximumEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > BoundedCache.this.maximumEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    /** Removes the entry and answers it, in one step. */
    @SuppressWarnings("unchecked")
    synchronized <V> V take(Object key) {
        return (V) entries.remove(key);
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    synchronized int size() {
        return entries.size();
    }

    /** Nothing in the command side listens to its aggregates' cache; a listener would be told nothing. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The bounded cache tells no listeners about its entries");
    }
}
