package io.ledgerline.support.web;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status and the stable code clients program against.
 * Subclasses name the reason; the code never changes once published.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
