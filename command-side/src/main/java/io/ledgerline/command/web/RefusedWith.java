package io.ledgerline.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The coded refusals an endpoint answers by its own rules, named by their codes. The API document
 * lists them under their status with what each means ({@link CommandErrors}), beside the answers
 * every endpoint of its kind gives (an unknown id, a stale If-Match, a reused Idempotency-Key, a
 * token, a body, a store), which {@link CommandApiDocumentation} derives from the endpoint itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RefusedWith {

    /** Codes of {@link CommandErrors}; an unknown one stops the application from documenting its API. */
    String[] value();
}
