package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a customer's key is looked up; no key means the customer was erased (or never had sealed data). */
@FunctionalInterface
public interface PersonalDataKeys {

    Optional<byte[]> keyOf(CustomerId owner);

    /**
     * Those of the owners that have no key now, asked for all of them at once: for the check a
     * batch's writes make once they are written, which must see a key deleted meanwhile.
     */
    default Set<CustomerId> withoutKey(Collection<CustomerId> owners) {
        Set<CustomerId> without = new LinkedHashSet<>();
        for (CustomerId owner : owners) {
            if (keyOf(owner).isEmpty()) {
                without.add(owner);
            }
        }
        return without;
    }

    /**
     * These keys, each looked up once and answered the same until the view is dropped: for the events
     * of one batch, which are written together and would otherwise ask once per event. A batch is
     * read after its events were published, and a key is deleted before its erasure is, so a batch
     * that holds an erasure finds the key gone from its first lookup on; a key deleted while the
     * batch is applied is the race that its writes guard against after they wrote, with lookups of
     * their own. Kept for longer, the view would open text with a key that an erasure has deleted.
     */
    default PersonalDataKeys lookedUpOnceEach() {
        Map<CustomerId, Optional<byte[]>> lookedUp = new HashMap<>();
        return owner -> lookedUp.computeIfAbsent(owner, this::keyOf);
    }
}
