package io.ledgerline.peer.account;

import java.math.BigDecimal;

/** A deposit of zero or less: it would book no money, or take some out. */
public class NonPositiveAmount extends RuntimeException {

    public static final String CODE = "NON_POSITIVE_AMOUNT";

    NonPositiveAmount(BigDecimal amount) {
        super("A deposit must be a positive amount, not " + amount.toPlainString());
    }
}
