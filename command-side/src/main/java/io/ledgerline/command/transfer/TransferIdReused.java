package io.ledgerline.command.transfer;

import io.ledgerline.command.domain.RuleConflict;
import io.ledgerline.events.TransferId;

public class TransferIdReused extends RuleConflict {

    public static final String CODE = "TRANSFER_ID_REUSED";

    public TransferIdReused(TransferId transferId) {
        super(CODE, "Transfer " + transferId + " was already requested with other accounts or another amount");
    }
}
