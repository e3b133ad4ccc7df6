package io.ledgerline.query.reconciliation;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The event store answers, but not to the reconciliation's login: no event table there, no grant to read it,
 * or a login the database refuses. An operator's setup, not a fault of the request, and it lasts until the
 * setup is fixed; the store's tables and grants are in README "Proving the books".
 */
class EventStoreUnreadable extends ApiException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    EventStoreUnreadable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.STORE_UNAVAILABLE,
                "The event store cannot be read with the reconciliation's login; retry once it is set up");
        initCause(cause);
        retryAfter(RETRY_AFTER);
    }
}
