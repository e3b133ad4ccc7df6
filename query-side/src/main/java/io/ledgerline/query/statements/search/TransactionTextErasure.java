package io.ledgerline.query.statements.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.query.search.EveryHit;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.statements.StatementTransfers;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Masks an erased customer's free text in the transactions index.
 *
 * <p>The index has no locks. A line may be written from text opened just before the customer's
 * key was deleted, on a node that writes it only after the erasure, projected on another node,
 * searched for the customer's lines. So both sides look at the other after they wrote: the key is
 * deleted before the erasure is even published, and every line that shows a customer's text
 * looks up the key again once it is in the index. A line written before the erasure's search is
 * found by it; a line written after it finds the key gone and is masked at once.
 */
@Component
class TransactionTextErasure {

    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final TransactionSearchIndex index;
    private final PersonalDataKeys keys;
    private final BookingTextOwners holders;
    private final StatementTransfers transfers;

    TransactionTextErasure(ElasticsearchClient client, SearchWrites writes, TransactionSearchIndex index,
            PersonalDataKeys keys, BookingTextOwners holders, StatementTransfers transfers) {
        this.client = client;
        this.writes = writes;
        this.index = index;
        this.keys = keys;
        this.holders = holders;
        this.transfers = transfers;
    }

    /**
     * Masks the text of every line of the customer's that still shows it, the lines of the transfers
     * they paid included, and of those transfers' particulars.
     */
    void mask(String customerId, SearchBatch batch) throws IOException {
        transfers.mask(customerId, batch);
        index.ensureExists();
        // lines written just before must be visible to the search
        client.indices().refresh(r -> r.index(index.target()));
        EveryHit.of(client, index.target(),
                Query.of(q -> q.term(t -> t.field(TransactionDocument.TEXT_OWNER).value(customerId))),
                List.of("accountId", "sequence"), TransactionDocument.class, hit -> {
                    TransactionDocument line = hit.source();
                    if (line != null && !line.masked().equals(line)) {
                        batch.write(replace(line.masked()));
                    }
                });
    }

    /** Masks those of the lines, already in the index, whose text's owner has been erased meanwhile. */
    void maskIfErased(Collection<TransactionDocument> written) throws IOException {
        Map<String, List<TransactionDocument>> byOwner = new LinkedHashMap<>();
        for (TransactionDocument line : written) {
            if (line.textOwner() != null && !line.masked().equals(line)) {
                byOwner.computeIfAbsent(line.textOwner(), owner -> new ArrayList<>()).add(line);
            }
        }
        if (byOwner.isEmpty()) {
            return;
        }
        Set<CustomerId> withoutKey = keys.withoutKey(byOwner.keySet().stream().map(CustomerId::of).toList());
        for (Map.Entry<String, List<TransactionDocument>> owner : byOwner.entrySet()) {
            if (withoutKey.contains(CustomerId.of(owner.getKey()))) {
                for (TransactionDocument line : owner.getValue()) {
                    writes.writeNow(replace(line.masked()));
                }
            }
        }
    }

    /**
     * Masks those of the lines with text stored before sealing, already in the index, whose owner
     * (the account's) has been erased meanwhile. Such an owner may never have had a key, so the
     * customers index, where the erasure is written, tells instead.
     */
    void maskIfOwnerErased(Collection<TransactionDocument> written) throws IOException {
        Map<String, List<TransactionDocument>> byOwner = new LinkedHashMap<>();
        for (TransactionDocument line : written) {
            if (line.textOwner() != null && !line.masked().equals(line)) {
                byOwner.computeIfAbsent(line.textOwner(), owner -> new ArrayList<>()).add(line);
            }
        }
        for (Map.Entry<String, List<TransactionDocument>> owner : byOwner.entrySet()) {
            if (holders.isErased(owner.getKey())) {
                for (TransactionDocument line : owner.getValue()) {
                    writes.writeNow(replace(line.masked()));
                }
            }
        }
    }

    private BulkOperation replace(TransactionDocument line) {
        return BulkOperation.of(op -> op.index(i -> i.index(index.target()).id(line.id()).document(line)));
    }
}
