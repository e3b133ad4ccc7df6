package io.ledgerline.systemtests.load;

/** What a client asks the command side for. */
public enum OperationKind {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER,
    /** A deposit the API must refuse (more decimals than the currency has): proves that a 4xx changes nothing. */
    INVALID_DEPOSIT
}
