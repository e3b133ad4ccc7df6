package io.ledgerline.command.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Reads the aggregate version a client expects from an If-Match header: {@code "3"}, weak or bare. */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private IfMatch() {
    }

    /** The expected version, or null when the client expects none ({@code *} or no header). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "If-Match takes one version as an entity tag, e.g. \"3\"");
        }
        return Long.valueOf(matcher.group(1));
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }
}
