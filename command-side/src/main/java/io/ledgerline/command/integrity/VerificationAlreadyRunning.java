package io.ledgerline.command.integrity;

import io.ledgerline.support.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Verifications side by side would only share the database's reads; the bound keeps one caller's loop from taking it. */
public class VerificationAlreadyRunning extends ApiException {

    public static final String CODE = "VERIFICATION_RUNNING";

    VerificationAlreadyRunning(int maxRunning, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, CODE, "As many ledger verifications as allowed at once (" + maxRunning
                + ") are running; follow them at GET /api/admin/ledger-verifications and start this one when one ends");
        retryAfter(retryAfter);
    }
}
