package io.ledgerline.command.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shape of email addresses the ledger accepts, and the form in which uniqueness is judged. */
public final class EmailAddresses {

    /** RFC 5321 limits a forward path to 254 characters. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
    }

    /** Two addresses that differ only in case belong to the same mailbox for the ledger. */
    public static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
