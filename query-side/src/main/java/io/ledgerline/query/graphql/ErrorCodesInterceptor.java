package io.ledgerline.query.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.ledgerline.support.web.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives a code to the errors GraphQL itself answers before any field is read: a query that cannot
 * be parsed is MALFORMED_REQUEST, one that names unknown fields or passes ill-typed arguments is
 * INVALID_REQUEST, as REST answers an unreadable or invalid request. Errors coded already keep theirs.
 */
@Component
class ErrorCodesInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().stream().allMatch(ErrorCodesInterceptor::coded)
                ? response
                : response.transform(builder -> builder.errors(coded(response.getErrors()))));
    }

    private static boolean coded(ResponseError error) {
        return error.getExtensions().get(QueryErrorResolver.CODE) != null;
    }

    private static List<GraphQLError> coded(List<ResponseError> errors) {
        return errors.stream().map(error -> {
            Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
            extensions.putIfAbsent(QueryErrorResolver.CODE, codeOf(error.getErrorType()));
            GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(error.getMessage())
                    .errorType(error.getErrorType()).extensions(extensions);
            if (!error.getParsedPath().isEmpty()) {
                builder.path(error.getParsedPath());
            }
            if (!error.getLocations().isEmpty()) {
                builder.locations(error.getLocations());
            }
            return (GraphQLError) builder.build();
        }).toList();
    }

    private static String codeOf(ErrorClassification type) {
        if (type == ErrorType.InvalidSyntax) {
            return ErrorCodes.MALFORMED_REQUEST;
        }
        if (type == ErrorType.ValidationError) {
            return ErrorCodes.INVALID_REQUEST;
        }
        if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
            return ErrorCodes.NOT_FOUND;
        }
        if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return ErrorCodes.INVALID_REQUEST;
        }
        return ErrorCodes.INTERNAL_ERROR;
    }
}
