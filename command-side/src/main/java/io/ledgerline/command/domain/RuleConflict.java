package io.ledgerline.command.domain;

/** A refusal because the command collides with something that already exists, e.g. a taken email (409). */
public class RuleConflict extends RuleViolation {

    public RuleConflict(String code, String message) {
        super(code, message);
    }
}
