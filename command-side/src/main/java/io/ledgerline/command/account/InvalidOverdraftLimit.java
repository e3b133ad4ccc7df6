package io.ledgerline.command.account;

import java.math.BigDecimal;

public class InvalidOverdraftLimit extends AccountRuleViolation {

    public static final String CODE = "INVALID_OVERDRAFT_LIMIT";

    public InvalidOverdraftLimit(BigDecimal limit, String reason) {
        super(CODE, "Overdraft limit " + limit.toPlainString() + " is invalid: " + reason);
    }
}
