package io.ledgerline.query.statements.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.query.search.DeferredDocuments;
import io.ledgerline.query.search.EveryHit;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.statements.StatementTransferDocument;
import io.ledgerline.query.statements.StatementTransfers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement lines and transfers' particulars of one batch, created together. Once they are in
 * the index:
 * <ul>
 *   <li>the text each shows is checked against the erasure that may have deleted its key meanwhile
 *       (text stored before sealing, which no key protects, against the owner's erasure in the
 *       customers index);</li>
 *   <li>a transfer's lines and its request, which travel in different partitions and may be
 *       projected on different nodes, are joined: each request fills its particulars into the lines
 *       already indexed, and each line indexed without them looks for its request again. Both look
 *       after they wrote, so whichever is written second finds the first, and both orders end with
 *       the same line.</li>
 * </ul>
 */
final class TransactionLines implements DeferredDocuments {

    private final TransactionSearchIndex index;
    private final TransactionTextErasure erasure;
    private final StatementTransfers transfers;
    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final List<TransactionDocument> lines = new ArrayList<>();
    private final List<StatementTransferDocument> requests = new ArrayList<>();

    TransactionLines(TransactionSearchIndex index, TransactionTextErasure erasure, StatementTransfers transfers,
            ElasticsearchClient client, SearchWrites writes) {
        this.index = index;
        this.erasure = erasure;
        this.transfers = transfers;
        this.client = client;
        this.writes = writes;
    }

    void add(TransactionDocument line) {
        lines.add(line);
    }

    void add(StatementTransferDocument request) {
        requests.add(request);
    }

    @Override
    public List<BulkOperation> operations() {
        List<BulkOperation> operations = new ArrayList<>();
        // a line or a request is created once; a redelivered event finds it there and changes nothing
        requests.forEach(request -> operations.add(transfers.create(request)));
        if (!lines.isEmpty()) {
            index.ensureExists();
            lines.forEach(line -> operations.add(
                    BulkOperation.of(op -> op.create(c -> c.index(index.target()).id(line.id()).document(line)))));
        }
        return operations;
    }

    @Override
    public void written() throws IOException {
        List<TransactionDocument> written = List.copyOf(lines);
        List<StatementTransferDocument> writtenRequests = List.copyOf(requests);
        lines.clear();
        requests.clear();
        List<TransactionDocument> filled = new ArrayList<>();
        if (!writtenRequests.isEmpty()) {
            filled.addAll(fillLinesOf(transfers.maskIfErased(writtenRequests)));
        }
        filled.addAll(fillLinesWithoutTheirTransfer(written));
        List<TransactionDocument> check = new ArrayList<>(written);
        check.addAll(filled);
        erasure.maskIfErased(check.stream().filter(line -> !line.showsTextBeforeSealing()).toList());
        erasure.maskIfOwnerErased(check.stream().filter(TransactionDocument::showsTextBeforeSealing).toList());
    }

    /** The lines of these transfers indexed before them, given their particulars. */
    private List<TransactionDocument> fillLinesOf(List<StatementTransferDocument> requested) throws IOException {
        index.ensureExists();
        // lines written just before, on this node or another, must be visible to the search
        client.indices().refresh(r -> r.index(index.target()));
        Map<String, StatementTransferDocument> byId = new HashMap<>();
        requested.forEach(request -> byId.put(request.transferId(), request));
        List<FieldValue> ids = byId.keySet().stream().map(FieldValue::of).toList();
        List<TransactionDocument> filled = new ArrayList<>();
        EveryHit.of(client, index.target(),
                Query.of(q -> q.terms(t -> t.field("transferId").terms(v -> v.value(ids)))),
                List.of("accountId", "sequence"), TransactionDocument.class, hit -> {
                    TransactionDocument line = hit.source();
                    if (line != null) {
                        fill(line, byId.get(line.transferId()), filled);
                    }
                });
        return filled;
    }

    /** Lines of transfers whose request was not indexed when they were made, with the request if it is now. */
    private List<TransactionDocument> fillLinesWithoutTheirTransfer(List<TransactionDocument> written)
            throws IOException {
        List<TransactionDocument> waiting = written.stream()
                .filter(line -> line.isTransferLine() && line.counterpartyAccountId() == null).toList();
        List<TransactionDocument> filled = new ArrayList<>();
        if (waiting.isEmpty()) {
            return filled;
        }
        Map<String, StatementTransferDocument> found = transfers.find(
                waiting.stream().map(TransactionDocument::transferId).toList());
        for (TransactionDocument line : waiting) {
            StatementTransferDocument transfer = found.get(line.transferId());
            if (transfer != null) {
                fill(line, transfer, filled);
            }
        }
        return filled;
    }

    private void fill(TransactionDocument line, StatementTransferDocument transfer, List<TransactionDocument> filled)
            throws IOException {
        TransactionDocument complete = line.withTransfer(transfer);
        if (!complete.equals(line)) {
            writes.writeNow(BulkOperation.of(op -> op.index(i -> i.index(index.target()).id(complete.id())
                    .document(complete))));
            filled.add(complete);
        }
    }
}
