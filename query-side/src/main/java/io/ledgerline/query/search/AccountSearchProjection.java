package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the accounts index. Documents are written with the event's aggregate sequence as external
 * version, so a redelivered or older event is refused by Elasticsearch as a version conflict and
 * changes nothing.
 */
@Component
class AccountSearchProjection {

    static final String CONSUMER_GROUP = "ledgerline-query-search";
    private static final int VERSION_CONFLICT = 409;

    private final LedgerEventReader reader;
    private final ElasticsearchClient client;
    private final AccountSearchIndex index;

    AccountSearchProjection(LedgerEventReader reader, ElasticsearchClient client, AccountSearchIndex index) {
        this.reader = reader;
        this.client = client;
        this.index = index;
    }

    @KafkaListener(id = CONSUMER_GROUP, topics = LedgerHeaders.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = reader.read(record);
        if (event.payload() instanceof AccountOpened opened) {
            index.ensureExists();
            write(new AccountDocument(opened.accountId().value(), opened.customerId().value(),
                    opened.currency().getCurrencyCode(), "OPEN", event.timestamp().toString()), event.sequence());
        }
    }

    private void write(AccountDocument document, long sequence) throws IOException {
        // a bulk request reports a version conflict per item instead of throwing it
        BulkResponse response = client.bulk(b -> b.operations(op -> op.index(i -> i
                .index(AccountSearchIndex.ALIAS)
                .id(document.accountId())
                .versionType(VersionType.External)
                // external versions must be positive; sequences start at 0
                .version(sequence + 1)
                .document(document))));
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != VERSION_CONFLICT) {
                throw new SearchWriteFailed(item.id(), item.status(), item.error().reason());
            }
        }
    }
}
