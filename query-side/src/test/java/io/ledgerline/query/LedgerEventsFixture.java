package io.ledgerline.query;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes an aggregate's events with consecutive sequences, the way the command side would,
 * so tests read like a ledger's history.
 */
public final class LedgerEventsFixture {

    private static final AtomicLong GLOBAL_POSITION = new AtomicLong(1_000_000);

    private final LedgerEventsProducer producer;
    private final CustomerKeys keys;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, Published> published = new HashMap<>();
    private final Map<AccountId, CustomerId> owners = new HashMap<>();
    private Instant clock = Instant.parse("2026-03-01T09:00:00Z");

    public LedgerEventsFixture(LedgerEventsProducer producer, CustomerKeys keys) {
        this.producer = producer;
        this.keys = keys;
    }

    public CustomerId customer(String name, String email) throws Exception {
        CustomerId id = CustomerId.of("cust-" + UUID.randomUUID());
        publish(keys.registered(id, name, email), "Customer");
        return id;
    }

    public void changeDetails(CustomerId customer, String name, String email) throws Exception {
        publish(keys.detailsChanged(customer, name, email), "Customer");
    }

    /** An erasure as the command side makes it: the key deleted, then CustomerErased published. */
    public void erase(CustomerId customer) throws Exception {
        keys.shred(customer);
        publish(new CustomerErased(customer), "Customer");
    }

    public AccountId account(CustomerId owner, String currency) throws Exception {
        AccountId id = AccountId.random();
        owners.put(id, owner);
        publish(new AccountOpened(id, owner, Currency.getInstance(currency), Money.zero(Currency.getInstance(currency))),
                "Account");
        return id;
    }

    public void deposit(AccountId account, String amount, String balance, String description) throws Exception {
        deposit(account, amount, balance, description, null, null);
    }

    /** A deposit with its text sealed under the key of the account's owner; null text is none. */
    public void deposit(AccountId account, String amount, String balance, String description, String reference,
            String externalReference) throws Exception {
        publish(keys.deposited(account, ownerOf(account), money(amount), money(balance), description, reference,
                externalReference), "Account");
    }

    public void withdraw(AccountId account, String amount, String balance, String description) throws Exception {
        withdraw(account, amount, balance, description, null);
    }

    /** A withdrawal with its text sealed under the key of the account's owner; null text is none. */
    public void withdraw(AccountId account, String amount, String balance, String description,
            String externalReference) throws Exception {
        publish(keys.withdrawn(account, ownerOf(account), money(amount), money(balance), description,
                externalReference), "Account");
    }

    /** The owner of an account this fixture opened: whose key seals the account's text. */
    public CustomerId ownerOf(AccountId account) {
        CustomerId owner = owners.get(account);
        if (owner == null) {
            throw new IllegalStateException(account + " was not opened through this fixture; its owner is unknown");
        }
        return owner;
    }

    /** A completed transfer: its request, the debit, the credit and the completion, each on its aggregate. */
    public TransferId transfer(AccountId from, String fromBalanceAfter, AccountId to, String toBalanceAfter,
            String amount) throws Exception {
        TransferId id = TransferId.of("tr-" + UUID.randomUUID());
        publish(new TransferRequested(id, from, to, money(amount), owners.get(from)), "Transfer");
        publish(new AccountDebitedForTransfer(from, id, money(amount), money(fromBalanceAfter)), "Account");
        publish(new AccountCreditedForTransfer(to, id, money(amount), money(toBalanceAfter)), "Account");
        publish(new TransferCompleted(id), "Transfer");
        return id;
    }

    public long publish(LedgerEvent event, String aggregateType) throws Exception {
        long sequence = nextSequence.merge(event.aggregateId(), 1L, Long::sum) - 1;
        clock = clock.plusSeconds(60);
        long position = GLOBAL_POSITION.incrementAndGet();
        String eventId = UUID.randomUUID().toString();
        producer.publish(event, aggregateType, sequence, position, clock, eventId);
        published.put(event.aggregateId() + "#" + sequence, new Published(event, aggregateType, position, clock, eventId));
        return sequence;
    }

    /** Publishes an event as an older revision stored it, given as its JSON, next in its aggregate's sequence. */
    public long publishStored(String type, String revision, String aggregateId, String payloadJson,
            String aggregateType) throws Exception {
        return publishStored(type, revision, aggregateId, payloadJson, aggregateType, Map.of());
    }

    /** The same, with metadata the stored event carried (published as {@code ledger-meta-*} headers). */
    public long publishStored(String type, String revision, String aggregateId, String payloadJson,
            String aggregateType, Map<String, String> metadata) throws Exception {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(60);
        producer.publish(new LedgerEventsProducer.StoredEvent(type, revision, aggregateId,
                payloadJson.getBytes(StandardCharsets.UTF_8), metadata), aggregateType, sequence,
                GLOBAL_POSITION.incrementAndGet(), clock, UUID.randomUUID().toString());
        return sequence;
    }

    /** For an event published around the fixture: the next one of the aggregate comes after it. */
    public void skipSequence(String aggregateId) {
        nextSequence.merge(aggregateId, 1L, Long::sum);
    }

    /** Publishes an event again exactly as it was published first, as Kafka may redeliver it. */
    public void republish(String aggregateId, long sequence) throws Exception {
        Published original = published.get(aggregateId + "#" + sequence);
        producer.publish(original.event(), original.aggregateType(), sequence, original.position(), original.at(),
                original.eventId());
    }

    private record Published(LedgerEvent event, String aggregateType, long position, Instant at, String eventId) {
    }

    /** Amounts are written "12.50 EUR". */
    public static Money money(String amountAndCurrency) {
        String[] parts = amountAndCurrency.split(" ");
        return Money.of(parts[0], parts[1]);
    }
}
