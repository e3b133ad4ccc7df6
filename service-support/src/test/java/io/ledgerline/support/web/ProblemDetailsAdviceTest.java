package io.ledgerline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void answers503WhenNoDatabaseConnectionCanBeHad() {
        ProblemDetail problem = advice.handleUnexpected(new CannotCreateTransactionException("Could not open a JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms")));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", ErrorCodes.STORE_UNAVAILABLE);
    }

    @Test
    void answers503WhenTheDatabaseShutsDownUnderARequest() {
        ProblemDetail problem = advice.handleUnexpected(new IllegalStateException("the unit of work failed",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void answers503WhenTheDatabaseEndsATransactionThatStayedOpenBeyondItsBound() {
        ProblemDetail problem = advice.handleUnexpected(new IllegalStateException("the unit of work failed",
                new SQLException("FATAL: terminating connection due to transaction timeout", "25P04")));

        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void answers503WhenTheRollbackMeetsAConnectionThePoolEvictedAfterTheDatabaseDroppedIt() {
        ProblemDetail problem = advice.handleUnexpected(new IllegalStateException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));

        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void answers500ForAnyOtherFailure() {
        ProblemDetail problem = advice.handleUnexpected(new IllegalStateException("a bug",
                new SQLException("ERROR: multiple assignments to same column", "42601")));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getProperties()).containsEntry("code", ErrorCodes.INTERNAL_ERROR);
    }

    @Test
    void saysWhenToRetryARefusalThatPassesWithTime() {
        ResponseEntity<ProblemDetail> answer = advice.handleApiException(
                new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_WAITS", "end one first").retryAfter(Duration.ofSeconds(2)));

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "TOO_MANY_WAITS");
    }

    @Test
    void namesNoRetryForARefusalThatTimeDoesNotChange() {
        ResponseEntity<ProblemDetail> answer = advice.handleApiException(
                new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "INSUFFICIENT_FUNDS", "not enough money"));

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getHeaders().containsKey("Retry-After")).isFalse();
    }
}
