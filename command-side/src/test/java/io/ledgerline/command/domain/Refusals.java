package io.ledgerline.command.domain;

import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;

/** Asserts a refusal precisely: its type, its stable code, and that nothing was emitted. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(ResultValidator<?> result, Class<? extends RuleViolation> type, String code) {
        result.expectNoEvents()
                .expectException(type)
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation v && v.code().equals(code)));
    }
}
