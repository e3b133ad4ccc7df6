package io.ledgerline.query.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.CustomerKeys;
import io.ledgerline.query.LedgerEventsProducer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import io.ledgerline.query.EventStoreTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger as the command side keeps it: each event appended to the event table (domain_event_entry,
 * created here as the command side's migration creates it, readable by the reconciliation login), then
 * published to ledger.events with the global index it got. Thread-safe per account.
 */
final class StoredLedger {

    private final JdbcTemplate store;
    private final LedgerEventsProducer producer;
    private final CustomerKeys keys;
    private final ObjectMapper json;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Map<AccountId, Money> balances = new ConcurrentHashMap<>();
    private final Map<AccountId, CustomerId> owners = new ConcurrentHashMap<>();

    StoredLedger(JdbcTemplate store, LedgerEventsProducer producer, CustomerKeys keys, ObjectMapper json) {
        this.store = store;
        this.producer = producer;
        this.keys = keys;
        this.json = json;
        EventStoreTable.ensure(store);
    }

    AccountId account(String currency) throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        append(keys.registered(owner, "Rita Reconcile", "rita-" + UUID.randomUUID() + "@example.org"), "Customer");
        AccountId account = AccountId.random();
        owners.put(account, owner);
        Money zero = Money.zero(Currency.getInstance(currency));
        balances.put(account, zero);
        append(new AccountOpened(account, owner, zero.currency(), zero), "Account");
        return account;
    }

    synchronized void deposit(AccountId account, String amount) throws Exception {
        Money money = amount(account, amount);
        Money after = balances.merge(account, money, Money::plus);
        append(keys.deposited(account, owners.get(account), money, after, null, null, null), "Account");
    }

    /**
     * A deposit in the event store that is not on ledger.events yet, as when the publisher is behind: the read
     * models lag until {@link Publication#publish()}.
     */
    synchronized Publication depositUnpublished(AccountId account, String amount) throws Exception {
        Money money = amount(account, amount);
        Money after = balances.merge(account, money, Money::plus);
        return store(keys.deposited(account, owners.get(account), money, after, null, null, null), "Account");
    }

    synchronized void withdraw(AccountId account, String amount) throws Exception {
        Money money = amount(account, amount);
        Money after = balances.merge(account, money.negate(), Money::plus);
        append(keys.withdrawn(account, owners.get(account), money, after, null, null), "Account");
    }

    synchronized void transfer(AccountId from, AccountId to, String amount) throws Exception {
        Money money = amount(from, amount);
        TransferId transfer = TransferId.of("tr-" + UUID.randomUUID());
        append(keys.transferRequested(transfer, from, to, money, owners.get(from), null, null), "Transfer");
        append(new AccountDebitedForTransfer(from, transfer, money, balances.merge(from, money.negate(), Money::plus)),
                "Account");
        append(new AccountCreditedForTransfer(to, transfer, money, balances.merge(to, money, Money::plus)), "Account");
        append(new TransferCompleted(transfer), "Transfer");
    }

    Money balance(AccountId account) {
        return balances.get(account);
    }

    long version(AccountId account) {
        return sequences.get(account.value()) - 1;
    }

    private Money amount(AccountId account, String amount) {
        return new Money(new BigDecimal(amount), balances.get(account).currency());
    }

    private void append(LedgerEvent event, String aggregateType) throws Exception {
        store(event, aggregateType).publish();
    }

    /** An event stored, to publish with the global index the store gave it. */
    interface Publication {
        void publish() throws Exception;
    }

    private synchronized Publication store(LedgerEvent event, String aggregateType) throws Exception {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        Instant at = Instant.now();
        String eventId = UUID.randomUUID().toString();
        Long position = store.queryForObject("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""",
                Long.class, event.aggregateId(), sequence, aggregateType, eventId, at.toString(),
                event.getClass().getName(), EventTypes.revisionOf(event.getClass()), json.writeValueAsBytes(event),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return () -> producer.publish(event, aggregateType, sequence, position, at, eventId);
    }
}
