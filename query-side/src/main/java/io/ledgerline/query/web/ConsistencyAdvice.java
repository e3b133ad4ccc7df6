package io.ledgerline.query.web;

import io.ledgerline.query.consistency.VersionNotYetProjected;
import io.ledgerline.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A version that is not projected within the bound is a conflict between what the client knows
 * and what the read model holds: 409 with both versions and a hint when to ask again.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsistencyAdvice {

    @ExceptionHandler(VersionNotYetProjected.class)
    ResponseEntity<ProblemDetail> notYetProjected(VersionNotYetProjected exception) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, VersionNotYetProjected.CODE, exception.getMessage());
        problem.setProperty("requestedVersion", exception.requestedVersion());
        problem.setProperty("projectedVersion", exception.projectedVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }
}
