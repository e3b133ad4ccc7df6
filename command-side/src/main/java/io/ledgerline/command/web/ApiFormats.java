package io.ledgerline.command.web;

import io.ledgerline.support.text.TextRules;

/**
 * The shapes of values as the command API writes and reads them, for its schemas: one place, so the
 * document says the same of every amount, currency and id.
 */
public final class ApiFormats {

    /** An amount is a decimal string with the currency's minor digits, never a JSON number: it stays exact. */
    public static final String DECIMAL = "^-?[0-9]{1,40}(\\.[0-9]{1,10})?$";
    public static final String CURRENCY = "^[A-Z]{3}$";
    public static final String ID = "^" + TextRules.ID_PATTERN + "$";
    public static final int MAX_ID_LENGTH = 100;
    /** The longest decimal string the ledger writes: a balance may grow past the largest single amount. */
    public static final int MAX_DECIMAL_LENGTH = 52;

    /** What a request's amount may be before the rules look at it: 15 integer digits and 10 decimals at most. */
    public static final String AMOUNT = "^[0-9]{1,15}(\\.[0-9]{1,10})?$";
    public static final int MAX_AMOUNT_LENGTH = 26;

    /**
     * No control characters: what a schema can say of plain text. The rest of the rule (no unpaired
     * surrogates, noncharacters or bidirectional controls) is checked by the service alone.
     */
    public static final String PLAIN_TEXT = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

    // the rules' own limits (BookingTextRules, the customer's): a longer text is refused with the field's code (422)
    public static final int MAX_DESCRIPTION_LENGTH = 140;
    public static final int MAX_REFERENCE_LENGTH = 35;
    public static final int MAX_EXTERNAL_REFERENCE_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    private ApiFormats() {
    }
}
