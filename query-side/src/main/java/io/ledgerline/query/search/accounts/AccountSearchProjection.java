package io.ledgerline.query.search.accounts;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchReadModel;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the accounts index, and the customers index it takes owner names and emails from. */
@Component
class AccountSearchProjection implements SearchReadModel {

    private final LedgerEventReader reader;
    private final AccountDocumentChanges accounts;
    private final CustomerOwnerChanges customers;
    private final List<SearchIndex> indices;

    AccountSearchProjection(LedgerEventReader reader, AccountDocumentChanges accounts, CustomerOwnerChanges customers,
            AccountSearchIndex accountIndex, CustomerSearchIndex customerIndex) {
        this.reader = reader;
        this.accounts = accounts;
        this.customers = customers;
        this.indices = List.of(accountIndex, customerIndex);
    }

    @Override
    public String name() {
        return SearchConsumerGroups.ACCOUNTS;
    }

    @Override
    public List<SearchIndex> indices() {
        return indices;
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) throws IOException {
        on(record);
    }

    @KafkaListener(id = SearchConsumerGroups.ACCOUNTS, topics = LedgerHeaders.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = reader.read(record);
        accounts.apply(event);
        customers.apply(event);
    }
}
