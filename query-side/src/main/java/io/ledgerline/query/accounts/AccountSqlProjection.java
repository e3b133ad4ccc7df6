package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.Money;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import java.sql.Timestamp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code account_view}. Each row remembers the sequence of the last event applied to it, and
 * a change applies only to an older row, so a redelivered event changes nothing.
 */
@Component
class AccountSqlProjection {

    static final String CONSUMER_GROUP = "ledgerline-query-sql";

    private final LedgerEventReader reader;
    private final JdbcClient jdbc;

    AccountSqlProjection(LedgerEventReader reader, JdbcClient jdbc) {
        this.reader = reader;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER_GROUP, topics = LedgerHeaders.TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = reader.read(record);
        if (event.payload() instanceof AccountOpened opened) {
            open(opened, event);
        }
    }

    private void open(AccountOpened opened, ReceivedEvent event) {
        Timestamp at = Timestamp.from(event.timestamp());
        jdbc.sql("""
                INSERT INTO account_view (account_id, customer_id, currency, balance, overdraft_limit, status,
                                          version, opened_at, updated_at)
                VALUES (:accountId, :customerId, :currency, :balance, :overdraftLimit, 'OPEN', :version, :at, :at)
                ON CONFLICT (account_id) DO NOTHING
                """)
                .param("accountId", opened.accountId().value())
                .param("customerId", opened.customerId().value())
                .param("currency", opened.currency().getCurrencyCode())
                .param("balance", Money.zero(opened.currency()).amount())
                .param("overdraftLimit", opened.overdraftLimit().amount())
                .param("version", event.sequence())
                .param("at", at)
                .update();
    }
}
