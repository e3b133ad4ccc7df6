package io.ledgerline.support.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText} with {@link TextRules}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean invisibleCharacters;

    @Override
    public void initialize(PlainText annotation) {
        invisibleCharacters = annotation.invisibleCharacters();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || TextRules.isPlain(value, invisibleCharacters);
    }
}
