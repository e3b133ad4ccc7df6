package io.ledgerline.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page as problem+json too: errors sent by a
 * filter or by the container itself ({@code sendError}) never pass the controller advice, and
 * would otherwise be answered in Spring Boot's own error format, without a code.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = Problems.of(status, codeFor(status), detailFor(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the instance is optional; a path that is not a valid URI is left out
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ErrorCodes.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ErrorCodes.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorCodes.FORBIDDEN;
            case NOT_FOUND -> ErrorCodes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ErrorCodes.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> ErrorCodes.RATE_LIMITED;
            case SERVICE_UNAVAILABLE -> ErrorCodes.STORE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR;
        };
    }

    private static String detailFor(HttpStatus status) {
        return status.is4xxClientError() ? "The request was refused: " + status.getReasonPhrase()
                : "The request could not be handled: " + status.getReasonPhrase();
    }
}
