package io.ledgerline.query.statements.search;

/** The kinds of statement line; each moves money into or out of one account. */
public enum TransactionType {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER_DEBIT,
    TRANSFER_CREDIT,
    TRANSFER_DEBIT_REVERSAL
}
