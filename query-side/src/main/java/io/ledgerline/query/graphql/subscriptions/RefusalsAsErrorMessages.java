package io.ledgerline.query.graphql.subscriptions;

import graphql.GraphQLError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * On a socket, an operation refused before it ran (unparsable, invalid, over a limit, not allowed) is answered
 * with one {@code error} message, as graphql-transport-ws has it. Spring for GraphQL would send such an answer
 * as {@code next} and {@code complete}, which a client takes for a result that happens to hold errors. An
 * operation that ran keeps its {@code next}, errors in it or not. The outermost interceptor, so that every
 * refusal of the others passes through it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalsAsErrorMessages implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> refusedBeforeRunning(response) ? asErrorMessage(response) : response);
    }

    static boolean refusedBeforeRunning(WebGraphQlResponse response) {
        return !response.getExecutionResult().isDataPresent() && !response.getExecutionResult().getErrors().isEmpty();
    }

    /** The socket handler sends the errors of a failed publisher as the operation's error message. */
    private static WebGraphQlResponse asErrorMessage(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        return response.transform(builder -> builder
                .data(Flux.error(new SubscriptionPublisherException(errors, null))).errors(List.of()));
    }
}
