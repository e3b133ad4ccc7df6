package io.ledgerline.query.audit.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.query.search.EveryHit;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Removes an erased customer's personal data from the audit copies of events, so that neither the
 * stored payloads nor the free-text search give it away any longer: the name and email from the
 * customer's own events, and the free text from the bookings and transfer requests whose text was
 * sealed under the customer's key (on its accounts, and transfers it paid), which the mask replaces.
 */
@Component
class CustomerDataRedaction {

    private static final List<String> CUSTOMER_FIELDS = List.of("name", "email");

    private final ElasticsearchClient client;
    private final AuditSearchIndex index;

    CustomerDataRedaction(ElasticsearchClient client, AuditSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Redacts the customer's data in the audit documents that show it, with the batch's writes. */
    void redact(String customerId, SearchBatch batch) throws IOException {
        // the customer's earlier events were written just before and must be visible to the search
        client.indices().refresh(r -> r.index(index.target()));
        Query ownData = Query.of(q -> q.bool(b -> b
                .should(sh -> sh.term(t -> t.field("aggregateId").value(customerId)))
                .should(sh -> sh.term(t -> t.field(AuditDocument.TEXT_OWNER).value(customerId)))
                .minimumShouldMatch("1")));
        EveryHit.of(client, index.target(), ownData, List.of("globalPosition", "eventId"), AuditDocument.class,
                hit -> redact(hit, customerId, batch));
    }

    private void redact(Hit<AuditDocument> hit, String customerId, SearchBatch batch) {
        if (hit.source() == null) {
            return;
        }
        Optional<AuditDocument> redacted = withoutDataOf(hit.source(), customerId);
        if (redacted.isPresent()) {
            batch.write(BulkOperation.of(op -> op.index(i -> i
                    .index(index.target()).id(hit.id()).document(redacted.get()))));
        }
    }

    /** The document without the customer's personal data; empty when it holds none. */
    static Optional<AuditDocument> withoutDataOf(AuditDocument document, String customerId) {
        ObjectNode redacted = document.payload().deepCopy();
        if (customerId.equals(document.aggregateId())) {
            CUSTOMER_FIELDS.stream().filter(redacted::hasNonNull).forEach(redacted::putNull);
        }
        if (customerId.equals(document.textOwner())) {
            BookingTextFields.ALL.stream().filter(redacted::hasNonNull)
                    .forEach(field -> redacted.put(field, PersonalDataOpener.ERASED));
        }
        return redacted.equals(document.payload()) ? Optional.empty() : Optional.of(document.withPayload(redacted));
    }
}
