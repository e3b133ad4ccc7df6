package io.ledgerline.query.graphql.limits;

import graphql.execution.AbortExecutionException;
import java.util.List;

/** Ends a request before validation and execution; graphql-java answers it with the coded error alone. */
final class QueryRefused extends AbortExecutionException {

    private final String code;

    QueryRefused(String code, String message) {
        super(List.of(GraphQlRefusals.error(code, message)));
        this.code = code;
    }

    String code() {
        return code;
    }
}
