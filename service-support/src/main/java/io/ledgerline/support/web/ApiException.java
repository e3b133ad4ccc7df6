package io.ledgerline.support.web;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status and the stable code clients program against.
 * Subclasses name the reason; the code never changes once published.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private Duration retryAfter;

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

    /** For a refusal that passes with time (a busy node, a caller's share in use): when to try again. */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
