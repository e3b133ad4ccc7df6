package io.ledgerline.command.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/** A path names an aggregate that does not exist, or one of another kind. */
public class UnknownResource extends ApiException {

    public UnknownResource(String kind, String id) {
        super(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No " + kind + " is known under id " + id);
    }
}
