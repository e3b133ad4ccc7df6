package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;

public class TransferInFlight extends RuleViolation {

    public static final String CODE = "TRANSFER_IN_FLIGHT";

    public TransferInFlight(AccountId accountId, int count) {
        super(CODE, "Account " + accountId + " has " + count + " transfer(s) in flight");
    }
}
