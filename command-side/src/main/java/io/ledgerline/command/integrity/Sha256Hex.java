package io.ledgerline.command.integrity;

/** A SHA-256 hash as the chain stores it: 64 lowercase hex digits, nothing else. */
final class Sha256Hex {

    static final int LENGTH = 64;

    private Sha256Hex() {
    }

    /**
     * Parses a stored hash into four 64-bit words (big-endian, as the digest's bytes read).
     *
     * @return false, leaving the words unspecified, when the text is no 64 lowercase hex digits
     */
    static boolean parse(String text, long[] words, int offset) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int word = 0; word < 4; word++) {
            long value = 0;
            for (int digit = 0; digit < 16; digit++) {
                int nibble = nibble(text.charAt(word * 16 + digit));
                if (nibble < 0) {
                    return false;
                }
                value = (value << 4) | nibble;
            }
            words[offset + word] = value;
        }
        return true;
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
