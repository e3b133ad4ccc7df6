package io.ledgerline.command.integrity;

import io.ledgerline.support.web.ApiException;
import org.springframework.http.HttpStatus;

public class VerificationRangeReversed extends ApiException {

    public static final String CODE = "VERIFICATION_RANGE_REVERSED";

    VerificationRangeReversed(long from, long to) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, CODE, "fromGlobalIndex " + from + " is after toGlobalIndex " + to);
    }
}
