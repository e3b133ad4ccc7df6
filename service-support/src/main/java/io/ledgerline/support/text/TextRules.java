package io.ledgerline.support.text;

import java.util.regex.Pattern;

/**
 * The character rules of request text and identifiers. PostgreSQL refuses NUL in text and UTF-8
 * cannot carry an unpaired surrogate, so text that breaks these rules would fail or change on its
 * way to a store; it is refused at the door instead (400), where nothing has happened yet.
 */
public final class TextRules {

    /**
     * Every id the ledger issues is a UUID, and a client-chosen transfer id is 1 to 100 of these
     * characters: anything else names nothing.
     */
    public static final int MAX_ID_LENGTH = 100;
    /** For {@code @Pattern} on ids in request bodies. */
    public static final String ID_PATTERN = "[A-Za-z0-9._:\\-]{1,100}";
    public static final String ID_MESSAGE = "must be an id: 1 to 100 letters, digits or ._:-";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private TextRules() {
    }

    /** Whether the value has the form of an id the ledger could have issued or accepted. */
    public static boolean isWellFormedId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** See {@link PlainText}: whether the text holds only characters a person means to type. */
    public static boolean isPlain(CharSequence text, boolean invisibleCharacters) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (isRefused(codePoint, invisibleCharacters)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    private static boolean isRefused(int codePoint, boolean invisibleCharacters) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                // a surrogate seen as a code point of its own is one without its partner
                || type == Character.SURROGATE
                || isNoncharacter(codePoint)
                // what a decoder put in place of bytes that were not text: the text was broken in transit
                || codePoint == REPLACEMENT_CHARACTER
                || isDirectionalFormatting(codePoint)
                || (!invisibleCharacters && type == Character.FORMAT);
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane are never assigned. */
    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Embeddings and overrides U+202A..U+202E, isolates U+2066..U+2069: they reorder what is displayed. */
    private static boolean isDirectionalFormatting(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
