package io.ledgerline.gateway.edge;

/**
 * Spring Security's firewall checks of header names and values, without its regular expressions:
 * a name is assigned characters other than control characters, a value may hold tabs too. The
 * firewall checks a header each time it is read, and the gateway reads the Authorization header, a
 * token of some 800 characters, several times per request (the token resolver, the proxy's copy of
 * the headers, the request the router builds); the regular expression was about 5 % of the gateway's
 * CPU per forwarded request. HeaderCharactersTest holds these to the firewall's own patterns for
 * every code point.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // printable ASCII: the whole of a token, and nearly every header
                if ((c < 0x20 || c == 0x7F) && !(tabAllowed && c == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.UNASSIGNED || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
