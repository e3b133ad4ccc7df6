package io.ledgerline.command.audit;

import io.ledgerline.support.web.ApiException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** Time travel to before an aggregate's first event: it exists, but did not then. */
public class NotYetExisting extends ApiException {

    public static final String CODE = "NOT_YET_EXISTING";

    NotYetExisting(AggregateKind kind, String id, Instant asOf, Instant createdAt) {
        super(HttpStatus.NOT_FOUND, CODE, "The " + kind.noun() + " " + id + " did not exist at " + asOf
                + "; its first event is of " + createdAt);
    }
}
