package io.ledgerline.command.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most 1,000 characters: the bound of every text in a request, refused as invalid input (400)
 * before the rules apply their own, shorter lengths (422). Composed rather than written as
 * {@code @Size}, so that the API document states the rule's length, which is the one a client must
 * keep, and not this outer bound.
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = BoundedText.MAX_LENGTH)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BoundedText {

    int MAX_LENGTH = 1000;

    String message() default "at most 1000 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
