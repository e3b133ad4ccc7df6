package io.ledgerline.command.account;

/**
 * The rules for the free text of a booking, the same for deposits, withdrawals and transfers:
 * surrounding blanks go, a blank text is none (null), and a text longer than its field allows is
 * refused with that field's named error.
 */
public final class BookingTextRules {

    static final int MAX_DESCRIPTION_LENGTH = 140;
    /** As long as a SEPA creditor reference, so a reference from a bank transfer always fits. */
    static final int MAX_REFERENCE_LENGTH = 35;
    /** Room for a payment system's own id of a booking: a UUID, or an ISO 20022 end-to-end id (35) with a prefix. */
    static final int MAX_EXTERNAL_REFERENCE_LENGTH = 64;

    private BookingTextRules() {
    }

    /** @throws InvalidDescription when longer than {@value #MAX_DESCRIPTION_LENGTH} characters */
    public static String description(String description) {
        String text = trimmedOrNull(description);
        if (text != null && text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidDescription(MAX_DESCRIPTION_LENGTH);
        }
        return text;
    }

    /** @throws InvalidReference when longer than {@value #MAX_REFERENCE_LENGTH} characters */
    public static String reference(String reference) {
        String text = trimmedOrNull(reference);
        if (text != null && text.length() > MAX_REFERENCE_LENGTH) {
            throw new InvalidReference(MAX_REFERENCE_LENGTH);
        }
        return text;
    }

    /** @throws InvalidExternalReference when longer than {@value #MAX_EXTERNAL_REFERENCE_LENGTH} characters */
    public static String externalReference(String externalReference) {
        String text = trimmedOrNull(externalReference);
        if (text != null && text.length() > MAX_EXTERNAL_REFERENCE_LENGTH) {
            throw new InvalidExternalReference(MAX_EXTERNAL_REFERENCE_LENGTH);
        }
        return text;
    }

    private static String trimmedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
