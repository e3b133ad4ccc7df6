package io.ledgerline.gateway.forwarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.web.Problems;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** The gateway's own 503: a side it cannot reach now, with when to try again. */
final class Unavailable {

    static final String CODE = "SERVICE_UNAVAILABLE";

    private final ObjectMapper json;

    Unavailable(ObjectMapper json) {
        this.json = json;
    }

    ServerResponse answer(ServerRequest request, String detail, Duration retryAfter) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, CODE, detail);
        problem.setInstance(URI.create(request.path()));
        try {
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wholeSecondsAtLeastOne(retryAfter)))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always serializable", e);
        }
    }

    /** Header fields count whole seconds; rounding down would invite a retry that is refused again. */
    private static long wholeSecondsAtLeastOne(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
