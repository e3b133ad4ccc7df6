package io.ledgerline.command.account;

/**
 * A command on an account refused by a rule of the ledger. The code is stable and travels with the
 * refusal to the API caller.
 */
public class AccountRuleViolation extends RuntimeException {

    private final String code;

    public AccountRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
