package io.ledgerline.support.web;

import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details every Ledgerline API answers with: a status, a stable code, a detail
 * and, when the request is traced, its {@code traceId}, which a user can quote and an operator finds
 * in the logs and in Zipkin.
 */
public final class Problems {

    private static final String TRACE_ID = "traceId";
    private static final URI TYPE_BASE = URI.create("https://ledgerline.io/problems/");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return withTraceId(problem);
    }

    /**
     * Adds the trace id of the request being answered. It is read from the logging context, where the
     * tracer keeps the id of the span in scope, so that the answers written outside Spring MVC (by the
     * security filters) carry it as well.
     */
    public static ProblemDetail withTraceId(ProblemDetail problem) {
        String traceId = MDC.get(TRACE_ID);
        if (traceId != null && !traceId.isBlank()) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }

    public static URI typeOf(String code) {
        return TYPE_BASE.resolve(code.toLowerCase().replace('_', '-'));
    }
}
