package io.ledgerline.command.audit.web;

import io.ledgerline.command.audit.PointInHistory;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/** Checks the query parameters the audit endpoints share; anything out of range is malformed input (400). */
final class AuditParameters {

    static final int MAX_PAGE_SIZE = 200;

    private AuditParameters() {
    }

    static void requirePaging(int page, int size) {
        if (page < 0) {
            throw invalid("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    static PointInHistory point(String asOf, Long version) {
        if ((asOf == null) == (version == null)) {
            throw invalid("Give exactly one of asOf (an ISO-8601 instant) and version");
        }
        if (version != null) {
            if (version < 0) {
                throw invalid("version must be 0 or more");
            }
            return PointInHistory.atVersion(version);
        }
        try {
            return PointInHistory.asOf(Instant.parse(asOf));
        } catch (DateTimeParseException malformed) {
            throw invalid("asOf must be an ISO-8601 instant such as 2026-03-01T12:00:00Z, not '" + asOf + "'");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, detail);
    }
}
