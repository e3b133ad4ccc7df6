package io.ledgerline.query.audit.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.search.DeferredDocuments;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audit copies that show a customer's opened personal data, looked at again once they are in the
 * index. The index has no locks: a copy opened just before the customer's key was deleted may be
 * written after the erasure, projected on another node, searched for the customer's events. The
 * key is deleted before the erasure is published, so a copy written after that search finds the
 * key gone here and is redacted at once; a copy written before it is found by it. A copy of text
 * stored before sealing is looked at against the customers index instead, where the erasure is
 * written (its owner may never have had a key).
 */
final class AuditCopies implements DeferredDocuments {

    private final AuditSearchIndex index;
    private final SearchWrites writes;
    private final PersonalDataKeys keys;
    private final BookingTextOwners holders;
    private final Map<String, List<AuditDocument>> byOwner = new LinkedHashMap<>();
    private final Map<String, List<AuditDocument>> beforeSealingByOwner = new LinkedHashMap<>();

    AuditCopies(AuditSearchIndex index, SearchWrites writes, PersonalDataKeys keys, BookingTextOwners holders) {
        this.index = index;
        this.writes = writes;
        this.keys = keys;
        this.holders = holders;
    }

    /** @param owner the customer whose key opened what the document shows */
    void add(String owner, AuditDocument document) {
        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(document);
    }

    /**
     * @param owner the owner of the account the text was booked on: text stored before sealing has no
     *        key that could tell whether its owner is erased; the customers index does
     */
    void addTextBeforeSealing(String owner, AuditDocument document) {
        beforeSealingByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(document);
    }

    @Override
    public List<BulkOperation> operations() {
        // the copies themselves are created with the other writes of the batch
        return List.of();
    }

    @Override
    public void written() throws IOException {
        Map<String, List<AuditDocument>> written = new LinkedHashMap<>(byOwner);
        Map<String, List<AuditDocument>> writtenBeforeSealing = new LinkedHashMap<>(beforeSealingByOwner);
        byOwner.clear();
        beforeSealingByOwner.clear();
        Set<CustomerId> withoutKey = written.isEmpty() ? Set.of()
                : keys.withoutKey(written.keySet().stream().map(CustomerId::of).toList());
        for (Map.Entry<String, List<AuditDocument>> owner : written.entrySet()) {
            if (withoutKey.contains(CustomerId.of(owner.getKey()))) {
                redact(owner.getKey(), owner.getValue());
            }
        }
        for (Map.Entry<String, List<AuditDocument>> owner : writtenBeforeSealing.entrySet()) {
            if (holders.isErased(owner.getKey())) {
                redact(owner.getKey(), owner.getValue());
            }
        }
    }

    private void redact(String owner, List<AuditDocument> documents) throws IOException {
        for (AuditDocument document : documents) {
            Optional<AuditDocument> redacted = CustomerDataRedaction.withoutDataOf(document, owner);
            if (redacted.isPresent()) {
                writes.writeNow(BulkOperation.of(op -> op.index(i -> i
                        .index(index.target()).id(document.eventId()).document(redacted.get()))));
            }
        }
    }
}
