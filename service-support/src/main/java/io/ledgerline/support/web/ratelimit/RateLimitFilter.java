package io.ledgerline.support.web.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests of each subject that the service names as limited. The subject is the
 * authenticated principal when there is one (this filter runs after the security filter chain),
 * else the client's address. Every limited answer carries the IETF RateLimit header fields, so
 * that clients can pace themselves; a request over the limit is answered 429 with Retry-After and
 * goes no further: its body is not read and nothing runs.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Predicate<HttpServletRequest> limited;

    public RateLimitFilter(RateLimiter limiter, ObjectMapper json, Predicate<HttpServletRequest> limited) {
        this.limiter = limiter;
        this.json = json;
        this.limited = limited;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limited.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = limiter.take(subjectOf(request));
        // set before the chain runs: a streamed or committed answer cannot take headers afterwards
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(wholeSeconds(decision.untilFull())));
        if (decision.retryAfter().isPresent()) {
            refuse(response, wholeSeconds(decision.retryAfter().get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Prefixed, so that a principal named like an address never shares that address's bucket. */
    static String subjectOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal != null && principal.getName() != null) {
            return "subject:" + principal.getName();
        }
        return "address:" + request.getRemoteAddr();
    }

    /** Header fields count whole seconds; rounding down would invite a retry that is refused again. */
    private static long wholeSeconds(Duration duration) {
        return (duration.toNanos() + 999_999_999) / 1_000_000_000;
    }

    private void refuse(HttpServletResponse response, long seconds) throws IOException {
        long retryAfter = Math.max(1, seconds);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                "Too many requests; retry in " + retryAfter + " s");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
