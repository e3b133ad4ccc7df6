package io.ledgerline.query.statements;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.support.personaldata.PersonalDataOpener;

/**
 * A transfer's particulars as the transactions read model keeps them beside its lines, under the
 * transfer's id: a line indexed after its transfer's request takes them from here, and the request
 * fills them into the lines indexed before it.
 *
 * @param textOwner whose personal data the text is (the payer; for text stored before sealing the
 *        source account's owner); null when the transfer has no text
 * @param textBeforeSealing whether the text was stored before sealing: no key tells whether its owner
 *        is erased, the customers index does
 */
public record StatementTransferDocument(String transferId, String sourceAccountId, String destinationAccountId,
        String description, String reference, String textOwner, boolean textBeforeSealing) {

    /** @param particulars with their text owned: text from before sealing names the source account's owner */
    public static StatementTransferDocument of(TransferParticulars particulars, boolean textBeforeSealing) {
        BookingText text = particulars.text();
        return new StatementTransferDocument(particulars.transferId(), particulars.sourceAccountId(),
                particulars.destinationAccountId(), text.description(), text.reference(), text.ownerId(),
                textBeforeSealing && text.ownerId() != null);
    }

    public TransferParticulars particulars() {
        return new TransferParticulars(transferId, sourceAccountId, destinationAccountId,
                new BookingText(textOwner == null ? null : CustomerId.of(textOwner), description, reference, null));
    }

    /** The same particulars with the erasure mask in place of each text there is. */
    public StatementTransferDocument masked() {
        return new StatementTransferDocument(transferId, sourceAccountId, destinationAccountId, mask(description),
                mask(reference), textOwner, textBeforeSealing);
    }

    /** Whether it shows text that its owner's erasure has to mask. */
    @JsonIgnore
    public boolean showsText() {
        return textOwner != null && !masked().equals(this);
    }

    private static String mask(String text) {
        return text == null ? null : PersonalDataOpener.ERASED;
    }
}
