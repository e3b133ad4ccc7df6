package io.ledgerline.command.transfer;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.TransferId;

public class TransferFinished extends RuleViolation {

    public static final String CODE = "TRANSFER_FINISHED";

    public TransferFinished(TransferId transferId, String outcome) {
        super(CODE, "Transfer " + transferId + " already " + outcome);
    }
}
