package io.ledgerline.systemtests.invariants;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An account as its events in the store say it is. */
public final class AccountFacts {

    private final String accountId;
    private BigDecimal balance = BigDecimal.ZERO.setScale(2);
    private BigDecimal deposited = BigDecimal.ZERO.setScale(2);
    private BigDecimal withdrawn = BigDecimal.ZERO.setScale(2);
    private long version = -1;
    private String status = "UNKNOWN";
    private int movements;
    private final List<String> inconsistencies = new ArrayList<>();

    AccountFacts(String accountId) {
        this.accountId = accountId;
    }

    void apply(StoredEvent event) {
        if (event.sequence() != version + 1) {
            inconsistencies.add(accountId + ": sequence " + event.sequence() + " follows " + version);
        }
        version = event.sequence();
        switch (event.type()) {
            case "AccountOpened" -> status = "OPEN";
            case "AccountFrozen" -> status = "FROZEN";
            case "AccountUnfrozen" -> status = "OPEN";
            case "AccountClosed" -> status = "CLOSED";
            case "MoneyDeposited" -> {
                deposited = deposited.add(event.money("amount"));
                move(event, event.money("amount"));
            }
            case "MoneyWithdrawn" -> {
                withdrawn = withdrawn.add(event.money("amount"));
                move(event, event.money("amount").negate());
            }
            case "AccountDebitedForTransfer" -> move(event, event.money("amount").negate());
            case "AccountCreditedForTransfer", "TransferDebitReversed" -> move(event, event.money("amount"));
            default -> {
                // settlements and limit changes move no money
            }
        }
    }

    /** Every movement states the balance after it: it must be the running sum, and never below zero (no overdraft). */
    private void move(StoredEvent event, BigDecimal delta) {
        balance = balance.add(delta);
        movements++;
        BigDecimal stated = event.money("balance");
        if (stated.compareTo(balance) != 0) {
            inconsistencies.add(accountId + "@" + event.sequence() + ": " + event.type() + " states balance " + stated
                    + " but the movements sum to " + balance);
        }
        if (balance.signum() < 0) {
            inconsistencies.add(accountId + "@" + event.sequence() + ": balance " + balance + " below zero without overdraft");
        }
    }

    public String accountId() {
        return accountId;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal deposited() {
        return deposited;
    }

    public BigDecimal withdrawn() {
        return withdrawn;
    }

    public long version() {
        return version;
    }

    public String status() {
        return status;
    }

    /** Deposits, withdrawals and transfer legs: one statement line each. */
    public int movements() {
        return movements;
    }

    List<String> inconsistencies() {
        return inconsistencies;
    }
}
