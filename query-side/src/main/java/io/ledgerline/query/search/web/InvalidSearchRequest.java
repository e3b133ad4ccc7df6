package io.ledgerline.query.search.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/** A search parameter that cannot be read or is out of range. */
public class InvalidSearchRequest extends ApiException {

    public InvalidSearchRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, detail);
    }
}
