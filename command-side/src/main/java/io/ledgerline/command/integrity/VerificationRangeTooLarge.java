package io.ledgerline.command.integrity;

import io.ledgerline.support.web.ApiException;
import org.springframework.http.HttpStatus;

/** The links of a verification are held in memory: a larger store is verified range by range. */
public class VerificationRangeTooLarge extends ApiException {

    public static final String CODE = "VERIFICATION_RANGE_TOO_LARGE";

    VerificationRangeTooLarge(long from, long to, long max) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, CODE, "The range " + from + " to " + to + " covers more than " + max
                + " global indexes; verify it in consecutive ranges of at most that many");
    }
}
