package io.ledgerline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;

class ReadStoreFailureAdviceTest {

    private final ReadStoreFailureAdvice advice = new ReadStoreFailureAdvice();

    @Test
    void aDatabaseConnectionLostWithAnIoErrorUnderneathIsTheStoresOutage() {
        ProblemDetail problem = advice.searchUnavailable(new DataAccessResourceFailureException("could not read the account",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException())));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "STORE_UNAVAILABLE");
    }

    @Test
    void anUnreachableSearchIsSearchsOutage() {
        ProblemDetail problem = advice.searchUnavailable(new IOException("Connection refused"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "SEARCH_UNAVAILABLE");
    }
}
