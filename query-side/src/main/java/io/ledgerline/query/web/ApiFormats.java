package io.ledgerline.query.web;

import io.ledgerline.support.text.TextRules;

/** The formats of the values the query API answers, for its document: ids, decimals, currencies, codes. */
public final class ApiFormats {

    /** Every id the ledger issues is a UUID; ids given by clients follow the command side's rule. */
    public static final String ID = "^" + TextRules.ID_PATTERN + "$";
    public static final int MAX_ID_LENGTH = 100;
    /**
     * A decimal string as BigDecimal#toPlainString writes an amount or a balance: a balance has no
     * bound (README: every balance is exact), so neither has the pattern's integer part.
     */
    public static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";
    public static final int MAX_DECIMAL_LENGTH = 1000;
    public static final String CURRENCY = "^[A-Z]{3}$";
    /** A stable code such as a failure's or a reversal's reason: upper case words joined by underscores. */
    public static final String CODE = "^[A-Z][A-Z_]*$";
    public static final int MAX_CODE_LENGTH = 64;
    /** The longest free text the ledger takes (README, Limits: text lengths), and the erasure marker. */
    public static final int MAX_TEXT_LENGTH = 1000;

    private ApiFormats() {
    }
}
