package io.ledgerline.query.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * The instants a query may name: the years 1 to 9999. Java reads instants a billion years away,
 * which PostgreSQL's timestamps cannot hold and Elasticsearch's date format cannot read: such a
 * bound reached the stores and came back as an error of theirs instead of a 400.
 */
public final class QueryInstants {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private QueryInstants() {
    }

    /** The instant as given, refused (400) outside the years 1 to 9999. */
    public static Instant within(String name, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
