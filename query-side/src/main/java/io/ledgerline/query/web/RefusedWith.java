package io.ledgerline.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The coded errors an endpoint answers by its own rules, named by their codes. The API document
 * lists each under its status with what it means ({@link QueryErrors}), beside the answers every
 * endpoint gives alike (a malformed query parameter, a token, a store, the rate limit), which
 * {@link QueryApiDocumentation} derives from the endpoint itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RefusedWith {

    /** Codes of {@link QueryErrors}; an unknown one stops the application from documenting its API. */
    String[] value();
}
