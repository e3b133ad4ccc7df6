package io.ledgerline.query.graphql.subscriptions;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.ledgerline.support.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription the server ends sends, as its last message, an error whose {@code extensions.code} says why
 * (TOKEN_EXPIRED, TOO_SLOW, SHUTTING_DOWN), so that a client knows whether to reconnect, with which token.
 */
@Component
class SubscriptionErrors implements SubscriptionExceptionResolver {

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable exception) {
        if (exception instanceof SubscriptionEnded ended) {
            return Mono.just(List.of(error(ErrorType.BAD_REQUEST, ended.code(), ended.getMessage())));
        }
        if (exception instanceof ApiException refused) {
            return Mono.just(List.of(error(refused.status().is4xxClientError() ? ErrorType.BAD_REQUEST
                    : ErrorType.INTERNAL_ERROR, refused.code(), refused.getMessage())));
        }
        return Mono.empty();
    }

    private static GraphQLError error(ErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(Map.of("code", code)).build();
    }
}
