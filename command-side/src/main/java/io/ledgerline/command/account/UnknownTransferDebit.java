package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferId;

public class UnknownTransferDebit extends RuleViolation {

    public static final String CODE = "UNKNOWN_TRANSFER_DEBIT";

    public UnknownTransferDebit(AccountId accountId, TransferId transferId) {
        super(CODE, "Account " + accountId + " has no open debit for transfer " + transferId);
    }
}
