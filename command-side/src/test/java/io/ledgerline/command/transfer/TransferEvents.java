package io.ledgerline.command.transfer;

import static io.ledgerline.command.account.AccountEvents.eur;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;

/** Object mother of transfer events: 30.00 EUR from {@link #SOURCE} of {@link #PAYER} to {@link #DESTINATION}, no text. */
public final class TransferEvents {

    public static final TransferId TRANSFER = TransferId.of("tr-1");
    public static final AccountId SOURCE = AccountId.of("acc-source");
    public static final AccountId DESTINATION = AccountId.of("acc-destination");
    public static final CustomerId PAYER = CustomerId.of("cust-payer");
    public static final String AMOUNT = "30";

    private TransferEvents() {
    }

    public static TransferRequested requested() {
        return new TransferRequested(TRANSFER, SOURCE, DESTINATION, eur(AMOUNT), PAYER);
    }

    public static TransferCompleted completed() {
        return new TransferCompleted(TRANSFER);
    }

    public static TransferFailed failed(String code, String reason) {
        return new TransferFailed(TRANSFER, code, reason);
    }
}
