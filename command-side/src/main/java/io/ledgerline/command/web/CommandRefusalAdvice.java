package io.ledgerline.command.web;

import io.ledgerline.command.domain.RuleConflict;
import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.Problems;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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
    static final String VERSION_CONFLICT = "VERSION_CONFLICT";
    static final String ID_IN_USE = "ID_IN_USE";

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

    /** The event store holds another kind of aggregate under the id a command addressed. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail idOfAnotherAggregate(IncompatibleAggregateException exception) {
        return Problems.of(HttpStatus.CONFLICT, ID_IN_USE, "The id is already used by something else");
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException exception) {
        return Problems.of(HttpStatus.CONFLICT, VERSION_CONFLICT, "The version in If-Match is " + exception.getExpectedVersion()
                + " but the current version is " + exception.getActualVersion() + "; read it again and retry");
    }

    /** Still conflicting after the retries of {@link CommandExecutor}. */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class,
            AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException exception) {
        return Problems.of(HttpStatus.CONFLICT, CONFLICT,
                "Another command changed the same aggregate at the same time; read it again and retry");
    }
}
