package io.ledgerline.query.graphql;

import io.ledgerline.query.web.QueryInstants;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/**
 * Opaque cursors of the connections: the base64 of the place of a node in its list's stable order,
 * prefixed by the list, so that a cursor of one list is refused by another instead of misread. A
 * cursor that this API did not give is refused (INVALID_REQUEST) rather than guessed at.
 */
final class Cursors {

    static final int MAX_FIRST = 100;
    private static final String ACCOUNT = "account:";
    private static final String LINE = "line:";
    private static final int LONGEST_CURSOR = 400;

    private Cursors() {
    }

    /** How many nodes a page holds: 1 to {@link #MAX_FIRST}, as REST's page sizes. */
    static int first(Integer first, int byDefault) {
        if (first == null) {
            return byDefault;
        }
        if (first < 1 || first > MAX_FIRST) {
            throw invalid("first must be between 1 and " + MAX_FIRST);
        }
        return first;
    }

    /** An account's place in the account lists' order: opened (newest first), then id. */
    record AccountPlace(Instant openedAt, String accountId) {

        /** Before the newest account. */
        static final AccountPlace START = new AccountPlace(Instant.parse("9999-12-31T23:59:59Z"), "");
    }

    static String account(Instant openedAt, String accountId) {
        return encode(ACCOUNT + openedAt + "|" + accountId);
    }

    static AccountPlace accountPlace(String after) {
        if (after == null) {
            return AccountPlace.START;
        }
        String place = decode(after, ACCOUNT);
        int separator = place.indexOf('|');
        try {
            String accountId = place.substring(separator + 1);
            if (separator < 0 || !TextRules.isWellFormedId(accountId)) {
                throw invalidCursor();
            }
            Instant openedAt = Instant.parse(place.substring(0, separator));
            if (openedAt.isBefore(QueryInstants.EARLIEST) || openedAt.isAfter(AccountPlace.START.openedAt())) {
                throw invalidCursor();
            }
            return new AccountPlace(openedAt, accountId);
        } catch (DateTimeParseException e) {
            throw invalidCursor();
        }
    }

    static String line(long sequence) {
        return encode(LINE + sequence);
    }

    /** The sequence lines of the page come before: {@link Long#MAX_VALUE} for the newest. */
    static long lineBefore(String after) {
        if (after == null) {
            return Long.MAX_VALUE;
        }
        try {
            long sequence = Long.parseLong(decode(after, LINE));
            if (sequence < 0) {
                throw invalidCursor();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static String encode(String place) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(place.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String list) {
        if (cursor.length() > LONGEST_CURSOR) {
            throw invalidCursor();
        }
        try {
            String place = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!place.startsWith(list)) {
                throw invalidCursor();
            }
            return place.substring(list.length());
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static ApiException invalidCursor() {
        return invalid("after is not a cursor this list answered");
    }

    static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, detail);
    }
}
