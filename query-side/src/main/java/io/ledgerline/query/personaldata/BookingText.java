package io.ledgerline.query.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.support.personaldata.PersonalDataOpener;

/**
 * The free text of a booking as read models may show it: opened while its owner's key exists,
 * {@value PersonalDataOpener#ERASED} once it is gone, null where the booking had none.
 *
 * @param owner whose key sealed the text; null when nothing was sealed (text from before sealing,
 *        or a booking without text of a customer's own) until a read model names the account's owner
 *        as the owner of text from before sealing ({@link #ownedBy})
 */
public record BookingText(CustomerId owner, String description, String reference, String externalReference) {

    /** A booking that carries no customer's text. */
    public static final BookingText NONE = new BookingText(null, null, null, null);

    /** The same text with every value that was there replaced by the erasure mask. */
    public BookingText masked() {
        return new BookingText(owner, mask(description), mask(reference), mask(externalReference));
    }

    /**
     * Whether this shows text that the owner's erasure has to mask: text opened with the owner's
     * key. Text from before sealing has no owner, and the mask needs no masking.
     */
    public boolean showsSealedText() {
        return owner != null && (shown(description) || shown(reference) || shown(externalReference));
    }

    /**
     * Whether this shows text stored before sealing: it names no owner, yet it is the account
     * owner's (for a transfer, the payer's), whose erasure has to mask it as well.
     */
    public boolean showsTextBeforeSealing() {
        return owner == null && (shown(description) || shown(reference) || shown(externalReference));
    }

    /** The same text with the owner that the event did not name: the owner of the account it was booked on. */
    public BookingText ownedBy(CustomerId accountOwner) {
        return new BookingText(accountOwner, description, reference, externalReference);
    }

    /** The owner's id, or null. */
    public String ownerId() {
        return owner == null ? null : owner.value();
    }

    private static boolean shown(String text) {
        return text != null && !PersonalDataOpener.ERASED.equals(text);
    }

    private static String mask(String text) {
        return text == null ? null : PersonalDataOpener.ERASED;
    }
}
