package io.ledgerline.peer.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as problem details with a stable code, as any service with clients answers them. */
@RestControllerAdvice
class AccountErrors {

    @ExceptionHandler(NonPositiveAmount.class)
    ProblemDetail nonPositiveAmount(NonPositiveAmount refusal) {
        return problem(HttpStatus.BAD_REQUEST, NonPositiveAmount.CODE, refusal.getMessage());
    }

    @ExceptionHandler(MissingAmount.class)
    ProblemDetail missingAmount(MissingAmount refusal) {
        return problem(HttpStatus.BAD_REQUEST, MissingAmount.CODE, refusal.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAccount(AggregateNotFoundException refusal) {
        return problem(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "No account " + refusal.getAggregateIdentifier());
    }

    /** Opening an account twice: the store's unique (aggregate id, sequence) refuses the second first event. */
    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ProblemDetail conflict(RuntimeException refusal) {
        return problem(HttpStatus.CONFLICT, "CONFLICT", refusal.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
