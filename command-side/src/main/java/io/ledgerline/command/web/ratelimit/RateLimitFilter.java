package io.ledgerline.command.web.ratelimit;

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
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits the commands of each subject: POST, PUT, PATCH and DELETE under {@code /api/}, except the
 * development endpoints under {@code /api/dev/}. The subject is the authenticated principal when
 * there is one (this filter runs after the security filter chain), else the client's address. A
 * request over the limit is answered 429 with Retry-After and goes no further: its body is not
 * read and no command runs.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final RateLimiter limiter;
    private final ObjectMapper json;

    public RateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!COMMAND_METHODS.contains(request.getMethod())) {
            return true;
        }
        // decoded, and with dot segments resolved, so that no spelling of a path slips past as exempt
        String path = StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
        return !path.startsWith("/api/") || path.startsWith("/api/dev/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limiter.acquire(subjectOf(request));
        if (wait.isPresent()) {
            refuse(response, wait.get());
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

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                "Too many commands; retry in " + seconds + " s");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
