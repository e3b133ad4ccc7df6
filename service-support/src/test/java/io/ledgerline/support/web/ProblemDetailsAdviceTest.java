package io.ledgerline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
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
}
