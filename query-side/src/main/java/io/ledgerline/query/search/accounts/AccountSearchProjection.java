package io.ledgerline.query.search.accounts;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.SearchConsumerGroups;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the accounts index, and the customers index it takes owner names and emails from. */
@Component
class AccountSearchProjection {

    private final LedgerEventReader reader;
    private final AccountDocumentChanges accounts;
    private final CustomerOwnerChanges customers;

    AccountSearchProjection(LedgerEventReader reader, AccountDocumentChanges accounts, CustomerOwnerChanges customers) {
        this.reader = reader;
        this.accounts = accounts;
        this.customers = customers;
    }

    @KafkaListener(id = SearchConsumerGroups.ACCOUNTS, topics = LedgerHeaders.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = reader.read(record);
        accounts.apply(event);
        customers.apply(event);
    }
}
