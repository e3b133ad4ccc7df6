package io.ledgerline.query.statements;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.query.search.EveryHit;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the transfers' particulars of the transactions read model, and masks the payer's
 * text in them at the payer's erasure. The same race as for lines is closed the same way (see
 * TransactionTextErasure): the erasure searches after it deleted the key, and a writer looks at the
 * key (for text stored before sealing, at the customers index) after it wrote.
 */
@Component
public class StatementTransfers {

    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final StatementTransferIndex index;
    private final PersonalDataKeys keys;
    private final BookingTextOwners holders;

    StatementTransfers(ElasticsearchClient client, SearchWrites writes, StatementTransferIndex index,
            PersonalDataKeys keys, BookingTextOwners holders) {
        this.client = client;
        this.writes = writes;
        this.index = index;
        this.keys = keys;
        this.holders = holders;
    }

    public StatementTransferIndex index() {
        return index;
    }

    /** The particulars of the transfers among the ids that are indexed; a get by id sees every acknowledged write. */
    public Map<String, StatementTransferDocument> find(Collection<String> transferIds) throws IOException {
        Map<String, StatementTransferDocument> found = new HashMap<>();
        if (transferIds.isEmpty()) {
            return found;
        }
        index.ensureExists();
        MgetResponse<StatementTransferDocument> response = client.mget(m -> m.index(index.target())
                .ids(new ArrayList<>(new LinkedHashSet<>(transferIds))), StatementTransferDocument.class);
        for (MultiGetResponseItem<StatementTransferDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Elasticsearch could not read transfer " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }

    /** Created once; a redelivered request finds it there and changes nothing. */
    public BulkOperation create(StatementTransferDocument transfer) {
        index.ensureExists();
        return BulkOperation.of(op -> op.create(c -> c.index(index.target()).id(transfer.transferId()).document(transfer)));
    }

    /**
     * Masks those of the written particulars whose text's owner was erased meanwhile, and returns
     * them all as they are now in the index.
     */
    public List<StatementTransferDocument> maskIfErased(Collection<StatementTransferDocument> written)
            throws IOException {
        List<StatementTransferDocument> now = new ArrayList<>();
        for (StatementTransferDocument transfer : written) {
            if (transfer.showsText() && isErased(transfer)) {
                writes.writeNow(replace(transfer.masked()));
                now.add(transfer.masked());
            } else {
                now.add(transfer);
            }
        }
        return now;
    }

    /** Masks the text of every transfer the customer paid that still shows it, with the batch's writes. */
    public void mask(String customerId, SearchBatch batch) throws IOException {
        index.ensureExists();
        client.indices().refresh(r -> r.index(index.target()));
        EveryHit.of(client, index.target(),
                Query.of(q -> q.term(t -> t.field("textOwner").value(customerId))),
                List.of("transferId"), StatementTransferDocument.class, hit -> {
                    StatementTransferDocument transfer = hit.source();
                    if (transfer != null && transfer.showsText()) {
                        batch.write(replace(transfer.masked()));
                    }
                });
    }

    private boolean isErased(StatementTransferDocument transfer) throws IOException {
        if (transfer.textBeforeSealing()) {
            return holders.isErased(transfer.textOwner());
        }
        return keys.keyOf(CustomerId.of(transfer.textOwner())).isEmpty();
    }

    private BulkOperation replace(StatementTransferDocument transfer) {
        return BulkOperation.of(op -> op.index(i -> i.index(index.target()).id(transfer.transferId()).document(transfer)));
    }
}
