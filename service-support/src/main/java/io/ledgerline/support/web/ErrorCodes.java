package io.ledgerline.support.web;

/** Codes of errors that are about the request itself rather than about the ledger's rules. */
public final class ErrorCodes {

    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** A database the answer depends on cannot be reached right now; the request may be retried. */
    public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";
    /** The caller sent more commands than its rate allows; Retry-After says when to try again. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** No bearer token, or one that is malformed, expired, forged or signed by an unknown key (401). */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** The token is valid, but none of its roles allows the request (403). */
    public static final String FORBIDDEN = "FORBIDDEN";

    private ErrorCodes() {
    }
}
