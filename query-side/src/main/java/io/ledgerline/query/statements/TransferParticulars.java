package io.ledgerline.query.statements;

import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import java.util.Optional;

/**
 * What a transfer's request adds to the lines of its debit, credit and reversal: the two accounts
 * and the payer's text (description and reference), which is the payer's personal data on both
 * statements. The request travels in the transfer's partition, the lines in the accounts': a store
 * joins the two whichever comes first.
 *
 * @param text opened with the payer's key; text of revision 1 (from before sealing) names no owner
 *        until a store names the source account's owner ({@link BookingText#ownedBy})
 */
public record TransferParticulars(String transferId, String sourceAccountId, String destinationAccountId,
        BookingText text) {

    /** The particulars of a transfer request; empty for any other event. */
    public static Optional<TransferParticulars> of(LedgerEvent event, BookingTexts texts) {
        if (event instanceof TransferRequested requested) {
            return Optional.of(new TransferParticulars(requested.transferId().value(),
                    requested.sourceAccountId().value(), requested.destinationAccountId().value(),
                    texts.of(requested).orElseThrow()));
        }
        return Optional.empty();
    }

    /** The other account of the transfer, seen from one of its two accounts. */
    public String counterpartyOf(String accountId) {
        return sourceAccountId.equals(accountId) ? destinationAccountId : sourceAccountId;
    }

    public TransferParticulars withText(BookingText newText) {
        return new TransferParticulars(transferId, sourceAccountId, destinationAccountId, newText);
    }
}
