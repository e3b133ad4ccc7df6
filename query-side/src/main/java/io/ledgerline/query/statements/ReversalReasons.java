package io.ledgerline.query.statements;

import java.util.Map;

/**
 * What a statement says about a transfer's debit that was given back, per reason code: a customer
 * reads words, not codes. The codes are those the transfer saga reverses with; a code this list
 * does not know yet reads as the general wording, and the line still carries the code itself.
 */
public final class ReversalReasons {

    static final String GENERAL = "Transfer returned: the transfer could not be completed";

    private static final Map<String, String> IN_WORDS = Map.of(
            "ACCOUNT_CLOSED", "Transfer returned: the receiving account is closed",
            "ACCOUNT_FROZEN", "Transfer returned: the receiving account is frozen",
            "UNKNOWN_ACCOUNT", "Transfer returned: the receiving account does not exist",
            "CURRENCY_MISMATCH", "Transfer returned: the receiving account is kept in another currency",
            "AMOUNT_TOO_LARGE", "Transfer returned: the amount is above the largest the ledger books",
            "INVALID_AMOUNT", "Transfer returned: the amount is not valid for the receiving account",
            "TRANSFER_TIMED_OUT", "Transfer returned: the transfer did not complete in time",
            "TRANSFER_STEP_FAILED", GENERAL);

    private ReversalReasons() {
    }

    /** The wording of a reversal's reason; null for a line that is no reversal (no code). */
    public static String inWords(String reasonCode) {
        if (reasonCode == null) {
            return null;
        }
        return IN_WORDS.getOrDefault(reasonCode, GENERAL);
    }
}
