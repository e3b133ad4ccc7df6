package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.query.accounts.search.AccountDocument;
import io.ledgerline.query.accounts.search.AccountOwnerNotKnownYet;
import io.ledgerline.query.accounts.search.StoredDocuments;
import io.ledgerline.query.accounts.search.Versioned;
import io.ledgerline.query.personaldata.BookingText;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the search projections whose text a booking stored before sealing is: the event names no
 * owner, so it is the owner of the account it was booked on (for a transfer request, the source
 * account's), and whether that customer is erased.
 *
 * <p>An account's owner never changes, so any source that knows it is right, live or in a rebuild.
 * The projection's own stream comes first: the account's opening precedes its bookings in its
 * partition, so a projection, and a rebuild reading from the start, has seen it and remembered it
 * here (for as many accounts as {@value #REMEMBERED} hold). Otherwise (after a restart, or for a
 * transfer request, which travels in the transfer's partition) the accounts index has it, read by
 * id, which sees every acknowledged write. While neither knows the account, the accounts projection
 * has not reached its opening yet: {@link AccountOwnerNotKnownYet} is an outage, waited out, never a
 * line indexed without its owner, whose erasure would then miss it.
 *
 * <p>Whether the owner is erased comes from the customers index: such a customer may never have
 * had a key, so a missing key does not tell. The erasure's own search finds the documents written
 * before it, and a document written after it finds the owner erased here once the accounts
 * projection has written the erasure. One window stays open: with several nodes, a document of
 * that owner written on one node after the erasure's search on another, but before the accounts
 * projection reached the erasure, keeps its text until the index is rebuilt.
 */
@Component
public class BookingTextOwners {

    private static final int REMEMBERED = 100_000;

    private final StoredDocuments stored;
    private final Map<String, String> owners = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    BookingTextOwners(StoredDocuments stored) {
        this.stored = stored;
    }

    /** Notes the owner of an account the projection saw opened; any other event changes nothing. */
    public void remember(LedgerEvent event) {
        if (event instanceof AccountOpened opened) {
            owners.put(opened.accountId().value(), opened.customerId().value());
        }
    }

    /**
     * The text with its owner: text stored before sealing gets the account's owner, masked if that
     * customer is erased; any other text is returned as it is.
     */
    public BookingText withOwner(String accountId, BookingText text) throws IOException {
        if (!text.showsTextBeforeSealing()) {
            return text;
        }
        BookingText owned = text.ownedBy(CustomerId.of(ownerOf(accountId)));
        return isErased(owned.ownerId()) ? owned.masked() : owned;
    }

    /** Whether the customers index has the customer erased. */
    public boolean isErased(String customerId) throws IOException {
        return Optional.ofNullable(stored.customers(List.of(customerId)).get(customerId))
                .map(customer -> customer.document().erased())
                .orElse(false);
    }

    private String ownerOf(String accountId) throws IOException {
        String remembered = owners.get(accountId);
        if (remembered != null) {
            return remembered;
        }
        Versioned<AccountDocument> account = stored.accounts(List.of(accountId)).get(accountId);
        if (account == null || account.document().customerId() == null) {
            throw new AccountOwnerNotKnownYet(accountId);
        }
        owners.put(accountId, account.document().customerId());
        return account.document().customerId();
    }
}
