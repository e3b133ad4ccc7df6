package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.systemtests.load.Journal;
import io.ledgerline.systemtests.load.Operation;
import io.ledgerline.systemtests.load.OperationKind;
import io.ledgerline.systemtests.load.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The invariants, each answered as a list of violations (empty when it holds):
 * <ul>
 *   <li>every request answered 2xx is in the event store, once, as sent; every one answered 4xx
 *       changed nothing; the store books nothing nobody asked for;</li>
 *   <li>the store is consistent and conserves money: Σ balances = Σ deposits − Σ withdrawals, every
 *       transfer ended COMPLETED or FAILED with its legs adding up;</li>
 *   <li>the SQL read model and the Elasticsearch indices equal the state recomputed from the store.</li>
 * </ul>
 */
public final class InvariantChecker {

    private final EventStore eventStore;
    private final QuerySideReader sql;
    private final SearchIndexReader search;

    public InvariantChecker(EventStore eventStore, QuerySideReader sql, SearchIndexReader search) {
        this.eventStore = eventStore;
        this.sql = sql;
        this.search = search;
    }

    public InvariantChecker readingQuerySide(QuerySideReader other) {
        return new InvariantChecker(eventStore, other, search);
    }

    public EventStore eventStore() {
        return eventStore;
    }

    /** All invariants over every account the journal touched, read models included. */
    public List<String> violations(Journal journal, Collection<String> transfersToCompare) {
        Ledger ledger = eventStore.ledger();
        List<String> violations = new ArrayList<>();
        violations.addAll(requestsAgreeWithEventStore(journal, ledger));
        violations.addAll(eventStoreConservesMoney(ledger));
        violations.addAll(sqlReadModelAgrees(ledger, accounts(journal), transfersToCompare));
        violations.addAll(searchIndicesAgree(ledger, accounts(journal)));
        violations.addAll(nothingParkedOrLagging());
        return violations;
    }

    public static Set<String> accounts(Journal journal) {
        return journal.operations().stream().map(Operation::account).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<String> requestsAgreeWithEventStore(Journal journal, Ledger ledger) {
        List<String> violations = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>();
        for (Operation operation : journal.operations()) {
            requested.add(operation.id());
            if (operation.kind() == OperationKind.TRANSFER) {
                checkTransferRequest(operation, ledger.transfer(operation.id()), violations);
            } else {
                checkBooking(operation, ledger.bookings(operation.id()), violations);
            }
        }
        for (String booked : ledger.bookedRequests()) {
            if (!requested.contains(booked)) {
                violations.add("the event store booked request " + booked + " that no client sent");
            }
        }
        for (TransferFacts transfer : ledger.transfers()) {
            if (!requested.contains(transfer.transferId())) {
                violations.add("the event store holds transfer " + transfer.transferId() + " that no client requested");
            }
        }
        return violations;
    }

    private static void checkBooking(Operation operation, List<Ledger.Booking> bookings, List<String> violations) {
        if (operation.kind() == OperationKind.INVALID_DEPOSIT && operation.outcome() == Outcome.ACCEPTED) {
            violations.add("an invalid deposit was accepted: " + operation);
        }
        int expectedAtLeast = operation.outcome() == Outcome.ACCEPTED ? 1 : 0;
        int expectedAtMost = operation.outcome() == Outcome.REFUSED ? 0 : 1;
        if (bookings.size() < expectedAtLeast || bookings.size() > expectedAtMost) {
            violations.add(bookings.size() + " booking(s) in the event store for " + operation);
            return;
        }
        String type = operation.kind() == OperationKind.WITHDRAWAL ? "MoneyWithdrawn" : "MoneyDeposited";
        for (Ledger.Booking booking : bookings) {
            if (!booking.type().equals(type) || !booking.accountId().equals(operation.account())
                    || booking.amount().compareTo(operation.amount()) != 0) {
                violations.add("booked as " + booking + " but requested as " + operation);
            }
        }
    }

    private static void checkTransferRequest(Operation operation, TransferFacts transfer, List<String> violations) {
        boolean stored = transfer != null && !"UNKNOWN".equals(transfer.status());
        if (operation.outcome() == Outcome.ACCEPTED && !stored) {
            violations.add("an accepted transfer is not in the event store: " + operation);
        } else if (operation.outcome() == Outcome.REFUSED && transfer != null) {
            violations.add("a refused transfer left events in the event store: " + operation);
        } else if (stored && !(transfer.source().equals(operation.account())
                && transfer.destination().equals(operation.counterparty())
                && transfer.amount().compareTo(operation.amount()) == 0)) {
            violations.add("transfer stored as " + transfer.source() + " -> " + transfer.destination() + " "
                    + transfer.amount() + " but requested as " + operation);
        }
    }

    public List<String> eventStoreConservesMoney(Ledger ledger) {
        List<String> violations = new ArrayList<>(ledger.inconsistencies());
        for (TransferFacts transfer : ledger.transfers()) {
            if (!transfer.isFinished()) {
                violations.add("transfer " + transfer.transferId() + " is still " + transfer.status());
            }
        }
        BigDecimal expected = ledger.totalDeposited().subtract(ledger.totalWithdrawn());
        if (ledger.totalBalance().compareTo(expected) != 0) {
            violations.add("the balances in the event store sum to " + ledger.totalBalance() + " but deposits minus withdrawals are "
                    + expected);
        }
        return violations;
    }

    public List<String> sqlReadModelAgrees(Ledger ledger, Collection<String> accounts, Collection<String> transfers) {
        List<String> violations = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String accountId : accounts) {
            AccountFacts facts = ledger.account(accountId);
            JsonNode view = sql.account(accountId);
            BigDecimal balance = decimal(view.path("balance"));
            total = total.add(balance == null ? BigDecimal.ZERO : balance);
            if (balance == null || balance.compareTo(facts.balance()) != 0 || view.path("version").asLong(-2) != facts.version()
                    || !facts.status().equals(view.path("status").asText())) {
                violations.add("SQL account " + accountId + " is " + brief(view) + " but the event store says balance "
                        + facts.balance() + ", version " + facts.version() + ", " + facts.status());
            }
            long lines = sql.statementLines(accountId);
            if (lines != facts.movements()) {
                violations.add("SQL statement of " + accountId + " has " + lines + " lines, the event store " + facts.movements()
                        + " movements");
            }
        }
        BigDecimal expected = accounts.stream().map(ledger::account)
                .map(account -> account.deposited().subtract(account.withdrawn())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(expected) != 0) {
            violations.add("SQL balances sum to " + total + " but deposits minus withdrawals are " + expected);
        }
        for (String transferId : transfers) {
            TransferFacts facts = ledger.transfer(transferId);
            if (facts == null) {
                continue;
            }
            JsonNode view = sql.transfer(transferId);
            if (!facts.status().equals(view.path("status").asText())) {
                violations.add("SQL transfer " + transferId + " is " + brief(view) + " but " + facts.status() + " in the event store");
            }
        }
        return violations;
    }

    public List<String> searchIndicesAgree(Ledger ledger, Collection<String> accounts) {
        List<String> violations = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String accountId : accounts) {
            AccountFacts facts = ledger.account(accountId);
            JsonNode document = search.account(accountId);
            BigDecimal balance = decimal(document.path("balance"));
            total = total.add(balance == null ? BigDecimal.ZERO : balance);
            if (balance == null || balance.compareTo(facts.balance()) != 0 || !facts.status().equals(document.path("status").asText())) {
                violations.add("indexed account " + accountId + " is " + brief(document) + " but the event store says balance "
                        + facts.balance() + ", " + facts.status());
            }
            SearchIndexReader.Statement statement = search.statement(accountId);
            if (statement.lines() != facts.movements() || statement.sum() == null || statement.sum().compareTo(facts.balance()) != 0) {
                violations.add("indexed statement of " + accountId + " has " + statement.lines() + " lines summing to "
                        + statement.sum() + ", the event store " + facts.movements() + " movements summing to " + facts.balance());
            }
            long audited = search.auditEvents(accountId);
            if (audited != facts.version() + 1) {
                violations.add("the audit index holds " + audited + " events of " + accountId + ", the event store "
                        + (facts.version() + 1));
            }
        }
        BigDecimal expected = accounts.stream().map(ledger::account)
                .map(account -> account.deposited().subtract(account.withdrawn())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(expected) != 0) {
            violations.add("indexed balances sum to " + total + " but deposits minus withdrawals are " + expected);
        }
        return violations;
    }

    public List<String> nothingParkedOrLagging() {
        List<String> violations = new ArrayList<>();
        for (JsonNode projection : sql.projections()) {
            if (projection.path("parkedEvents").asLong() != 0 || projection.path("lagEvents").asLong() != 0) {
                violations.add("projection " + projection.path("name").asText() + " has " + projection.path("parkedEvents")
                        + " parked event(s) and lags " + projection.path("lagEvents") + " event(s)");
            }
        }
        return violations;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isTextual() ? new BigDecimal(node.asText()) : null;
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
