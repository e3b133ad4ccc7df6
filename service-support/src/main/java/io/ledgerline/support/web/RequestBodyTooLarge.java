package io.ledgerline.support.web;

import java.io.IOException;

/**
 * Raised while a request body is read beyond the configured limit. It is an {@link IOException} so
 * that it travels through the message converters like any other read failure.
 */
public class RequestBodyTooLarge extends IOException {

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
