package io.ledgerline.systemtests.invariants;

import io.ledgerline.systemtests.load.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event store folded into accounts, transfers and the requests that were booked. */
public final class Ledger {

    /** A deposit or withdrawal the store booked for a request of the clients. */
    public record Booking(String type, String accountId, BigDecimal amount) {
    }

    private final Map<String, AccountFacts> accounts = new LinkedHashMap<>();
    private final Map<String, TransferFacts> transfers = new LinkedHashMap<>();
    private final Map<String, List<Booking>> bookingsByRequest = new HashMap<>();
    private final long events;

    private Ledger(long events) {
        this.events = events;
    }

    static Ledger of(List<StoredEvent> events) {
        Ledger ledger = new Ledger(events.size());
        events.forEach(ledger::apply);
        return ledger;
    }

    private void apply(StoredEvent event) {
        String type = event.type();
        if (type.startsWith("Account") || type.startsWith("Money") || type.startsWith("TransferDebit")
                || type.equals("OverdraftLimitChanged")) {
            accounts.computeIfAbsent(event.aggregateId(), AccountFacts::new).apply(event);
            if (!event.text("transferId").isEmpty()) {
                transfers.computeIfAbsent(event.text("transferId"), TransferFacts::new).applyLeg(event);
            }
        } else if (type.startsWith("Transfer")) {
            transfers.computeIfAbsent(event.aggregateId(), TransferFacts::new).applyOwn(event);
        }
        if (type.equals("MoneyDeposited") || type.equals("MoneyWithdrawn")) {
            String description = event.text("description");
            if (description.startsWith(Operation.DESCRIPTION_PREFIX)) {
                bookingsByRequest.computeIfAbsent(description.substring(Operation.DESCRIPTION_PREFIX.length()),
                        id -> new ArrayList<>()).add(new Booking(type, event.aggregateId(), event.money("amount")));
            }
        }
    }

    public long eventCount() {
        return events;
    }

    public AccountFacts account(String accountId) {
        AccountFacts facts = accounts.get(accountId);
        if (facts == null) {
            throw new IllegalArgumentException("The event store knows no account " + accountId);
        }
        return facts;
    }

    public Collection<AccountFacts> accounts() {
        return accounts.values();
    }

    public Collection<TransferFacts> transfers() {
        return transfers.values();
    }

    public TransferFacts transfer(String transferId) {
        return transfers.get(transferId);
    }

    public List<Booking> bookings(String requestId) {
        return bookingsByRequest.getOrDefault(requestId, List.of());
    }

    public Collection<String> bookedRequests() {
        return bookingsByRequest.keySet();
    }

    public long transfersInFlightAt(Instant instant) {
        return transfers.values().stream().filter(transfer -> transfer.wasInFlightAt(instant)).count();
    }

    /** Events that contradict each other: a stated balance that is not the running sum, a transfer's legs that do not add up. */
    public List<String> inconsistencies() {
        List<String> found = new ArrayList<>();
        accounts.values().forEach(account -> found.addAll(account.inconsistencies()));
        transfers.values().forEach(transfer -> found.addAll(transfer.inconsistencies()));
        return found;
    }

    /** Σ balances over all accounts, which transfers cannot change. */
    public BigDecimal totalBalance() {
        return accounts.values().stream().map(AccountFacts::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalDeposited() {
        return accounts.values().stream().map(AccountFacts::deposited).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalWithdrawn() {
        return accounts.values().stream().map(AccountFacts::withdrawn).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
