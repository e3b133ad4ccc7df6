package io.ledgerline.support.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every Ledgerline API answers with: a status, a stable code and a detail. */
public final class Problems {

    private static final URI TYPE_BASE = URI.create("https://ledgerline.io/problems/");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return problem;
    }

    public static URI typeOf(String code) {
        return TYPE_BASE.resolve(code.toLowerCase().replace('_', '-'));
    }
}
