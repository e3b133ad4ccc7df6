package io.ledgerline.command.web;

import io.ledgerline.command.domain.RuleConflict;
import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Translates what aggregates and the event store refuse into the API's coded errors. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRefusalAdvice {

    static final String CONFLICT = "CONFLICT";

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refusedByRule(RuleViolation violation) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, violation.code(), violation.getMessage());
    }

    @ExceptionHandler(RuleConflict.class)
    ProblemDetail refusedAsConflict(RuleConflict conflict) {
        return Problems.of(HttpStatus.CONFLICT, conflict.code(), conflict.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException exception) {
        return Problems.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "Nothing is known under id " + exception.getAggregateIdentifier());
    }

    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class,
            AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException exception) {
        return Problems.of(HttpStatus.CONFLICT, CONFLICT,
                "Another command changed the same aggregate at the same time; read it again and retry");
    }
}
