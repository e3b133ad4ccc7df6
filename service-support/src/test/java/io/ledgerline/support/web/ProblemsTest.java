package io.ledgerline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @AfterEach
    void leaveNoTraceBehind() {
        MDC.remove("traceId");
    }

    @Test
    void namesTheTraceOfTheRequestSoThatAUserCanQuoteIt() {
        // what the tracer puts into the logging context for the span in scope
        MDC.put("traceId", "463ac35c9f6413ad48485a3953bb6124");

        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "INSUFFICIENT_FUNDS", "Not enough money");

        assertThat(problem.getProperties()).containsEntry("traceId", "463ac35c9f6413ad48485a3953bb6124")
                .containsEntry("code", "INSUFFICIENT_FUNDS");
    }

    @Test
    void leavesTraceIdOutWhenNoTraceIsRecorded() {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such account");

        assertThat(problem.getProperties()).doesNotContainKey("traceId");
    }

    @Test
    void namesTheTraceInSpringsOwnProblemsToo() {
        MDC.put("traceId", "48485a3953bb6124");
        ProblemDetail springs = ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(Problems.withTraceId(springs).getProperties()).containsEntry("traceId", "48485a3953bb6124");
    }
}
