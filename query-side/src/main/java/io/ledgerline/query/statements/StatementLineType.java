package io.ledgerline.query.statements;

/** What moved money on an account. */
public enum StatementLineType {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER_DEBIT,
    TRANSFER_CREDIT,
    TRANSFER_DEBIT_REVERSAL
}
