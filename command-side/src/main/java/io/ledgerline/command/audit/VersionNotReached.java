package io.ledgerline.command.audit;

import io.ledgerline.support.web.ApiException;
import org.springframework.http.HttpStatus;

/** Time travel to a version the aggregate has not reached (yet). */
public class VersionNotReached extends ApiException {

    public static final String CODE = "VERSION_NOT_REACHED";

    VersionNotReached(AggregateKind kind, String id, long version, long latest) {
        super(HttpStatus.NOT_FOUND, CODE, "The " + kind.noun() + " " + id + " has no version " + version
                + "; its latest version is " + latest);
    }
}
