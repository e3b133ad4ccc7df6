package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import java.math.BigDecimal;

public class InvalidOverdraftLimit extends RuleViolation {

    public static final String CODE = "INVALID_OVERDRAFT_LIMIT";

    public InvalidOverdraftLimit(BigDecimal limit, String reason) {
        super(CODE, "Overdraft limit " + limit.toPlainString() + " is invalid: " + reason);
    }
}
