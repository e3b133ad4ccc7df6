package io.ledgerline.support.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any servlet sees them: an encoded NUL or slash in the path,
 * a path that is not valid UTF-8. It answers those with its own HTML page; this valve answers them
 * as problem+json with a code instead, like every other refusal.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the HTML report: only errors, only when nothing was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus reported = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        String code = ProblemErrorController.codeFor(reported);
        String body = "{\"type\":\"" + Problems.typeOf(code) + "\",\"title\":\"" + reported.getReasonPhrase()
                + "\",\"status\":" + status + ",\"detail\":\"The request was refused before it reached the application\","
                + "\"code\":\"" + code + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException tooLate) {
            // the client is gone or the response is committed: there is nobody left to tell
        }
    }
}
