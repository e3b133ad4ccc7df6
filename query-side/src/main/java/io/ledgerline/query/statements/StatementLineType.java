package io.ledgerline.query.statements;

import io.ledgerline.events.Money;

/** What moved money on an account, and in which direction: the one list for the statement and the search. */
public enum StatementLineType {
    DEPOSIT(true),
    WITHDRAWAL(false),
    TRANSFER_DEBIT(false),
    TRANSFER_CREDIT(true),
    TRANSFER_DEBIT_REVERSAL(true);

    private final boolean moneyIn;

    StatementLineType(boolean moneyIn) {
        this.moneyIn = moneyIn;
    }

    /** The amount moved as a statement shows it: money in positive, money out negative. */
    public Money signed(Money moved) {
        return moneyIn ? moved : moved.negate();
    }
}
