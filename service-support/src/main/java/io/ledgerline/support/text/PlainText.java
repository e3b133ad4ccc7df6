package io.ledgerline.support.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed: any script, emoji included, but no control characters (NUL, line breaks,
 * tabs), no unpaired surrogates (they cannot be stored as UTF-8 and would come back as '?'), no
 * Unicode noncharacters, no U+FFFD (what a decoder substitutes for bytes that were not valid
 * UTF-8) and no bidirectional overrides, embeddings or isolates (they make text display in another
 * order than it is stored). Null is left to {@code @NotNull}.
 *
 * @see TextRules
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must be plain text: no control characters, unpaired surrogates or bidirectional overrides";

    /**
     * Whether invisible formatting characters (zero-width joiners and spaces, soft hyphens,
     * direction marks) may appear: they belong in names (emoji sequences, Persian and Indic
     * scripts) but not in an address that must look exactly like what it is.
     */
    boolean invisibleCharacters() default true;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
