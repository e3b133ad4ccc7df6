package io.ledgerline.command.domain;

/**
 * A command refused by a rule of the ledger. The code is stable and travels with the refusal to
 * the API caller (422 unless it is a {@link RuleConflict}).
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
