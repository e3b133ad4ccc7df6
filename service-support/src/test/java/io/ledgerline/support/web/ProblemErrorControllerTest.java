package io.ledgerline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void answersWhatTheContainerRefusedAsProblemJsonWithACode() {
        ResponseEntity<ProblemDetail> answer = controller.error(errorOf(400, "/api/accounts/%00"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getProperties()).containsEntry("code", ErrorCodes.MALFORMED_REQUEST);
    }

    @Test
    void keepsTheStatusAndNamesItsCode() {
        assertThat(code(404)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(code(405)).isEqualTo(ErrorCodes.METHOD_NOT_ALLOWED);
        assertThat(code(413)).isEqualTo(ErrorCodes.PAYLOAD_TOO_LARGE);
        assertThat(code(429)).isEqualTo(ErrorCodes.RATE_LIMITED);
        assertThat(code(418)).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(code(500)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
    }

    @Test
    void anErrorWithoutAStatusIsABug() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");

        assertThat(controller.error(request).getStatusCode().value()).isEqualTo(500);
    }

    private String code(int status) {
        return (String) controller.error(errorOf(status, "/x")).getBody().getProperties().get("code");
    }

    private static MockHttpServletRequest errorOf(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
