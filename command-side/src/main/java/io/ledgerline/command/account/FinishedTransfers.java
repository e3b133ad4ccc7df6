package io.ledgerline.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of transfers an account finished a step of, with the time of the event that finished it, in
 * that order; those finished longer than a window before the account's newest transfer event are
 * forgotten. Part of the account's state and snapshots.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class FinishedTransfers {

    /** Null for an id taken over from a snapshot that did not keep times: it is dated by the next event. */
    private LinkedHashMap<String, Instant> finishedAt = new LinkedHashMap<>();

    boolean contains(String transferId) {
        return finishedAt.containsKey(transferId);
    }

    void add(String transferId, Instant at) {
        finishedAt.remove(transferId);
        finishedAt.put(transferId, at);
    }

    void addUndated(Collection<String> transferIds) {
        transferIds.forEach(id -> finishedAt.putIfAbsent(id, null));
    }

    /**
     * Dates the undated ids {@code now} (the earliest time this state can tell) and forgets those
     * finished more than {@code window} before {@code now}. Times come from events, so a replay
     * and a snapshot forget the same ids.
     */
    void forgetOlderThan(Duration window, Instant now) {
        finishedAt.replaceAll((id, at) -> at == null ? now : at);
        Instant cutoff = now.minus(window);
        Iterator<Map.Entry<String, Instant>> oldestFirst = finishedAt.entrySet().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().getValue().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }
}
