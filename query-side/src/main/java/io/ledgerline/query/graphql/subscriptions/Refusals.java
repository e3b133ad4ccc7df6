package io.ledgerline.query.graphql.subscriptions;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/** An operation on a socket answered with one coded error instead of being run. */
final class Refusals {

    private Refusals() {
    }

    static WebGraphQlResponse of(WebGraphQlRequest request, ErrorType type, String code, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .errorType(type).message(message).extensions(Map.of("code", code)).build()).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
