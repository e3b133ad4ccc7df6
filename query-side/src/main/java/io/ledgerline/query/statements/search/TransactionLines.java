package io.ledgerline.query.statements.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.query.search.DeferredDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement lines of one batch, created together; once they are in the index, the lines that
 * show a customer's text are checked against the erasure that may have deleted its key meanwhile
 * (text stored before sealing, which no key protects, against the owner's erasure in the customers index).
 */
final class TransactionLines implements DeferredDocuments {

    private final TransactionSearchIndex index;
    private final TransactionTextErasure erasure;
    private final List<TransactionDocument> lines = new ArrayList<>();
    private final List<TransactionDocument> sealedLines = new ArrayList<>();
    private final List<TransactionDocument> linesBeforeSealing = new ArrayList<>();

    TransactionLines(TransactionSearchIndex index, TransactionTextErasure erasure) {
        this.index = index;
        this.erasure = erasure;
    }

    void add(StatementLineDocuments.Line line) {
        lines.add(line.document());
        (line.textBeforeSealing() ? linesBeforeSealing : sealedLines).add(line.document());
    }

    @Override
    public List<BulkOperation> operations() {
        if (lines.isEmpty()) {
            return List.of();
        }
        index.ensureExists();
        // a line is created once; a redelivered event finds it there and changes nothing
        return lines.stream()
                .map(line -> BulkOperation.of(op -> op.create(c -> c.index(index.target()).id(line.id()).document(line))))
                .toList();
    }

    @Override
    public void written() throws IOException {
        List<TransactionDocument> sealed = List.copyOf(sealedLines);
        List<TransactionDocument> beforeSealing = List.copyOf(linesBeforeSealing);
        lines.clear();
        sealedLines.clear();
        linesBeforeSealing.clear();
        erasure.maskIfErased(sealed);
        erasure.maskIfOwnerErased(beforeSealing);
    }
}
