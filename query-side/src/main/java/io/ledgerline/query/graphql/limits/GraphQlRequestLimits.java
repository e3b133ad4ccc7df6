package io.ledgerline.query.graphql.limits;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.introspection.Introspection;
import java.nio.charset.StandardCharsets;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The first of the interceptors, over HTTP and WebSocket alike: refuses a document above the size limit
 * before anything parses it, and turns introspection off for this request unless it is allowed.
 */
public class GraphQlRequestLimits implements WebGraphQlInterceptor {

    private final GraphQlLimits limits;
    private final boolean introspection;

    public GraphQlRequestLimits(GraphQlLimits limits, boolean introspection) {
        this.limits = limits;
        this.introspection = introspection;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long size = request.getDocument().getBytes(StandardCharsets.UTF_8).length;
        if (size > limits.maxQuerySize().toBytes()) {
            return Mono.just(refused(request, GraphQlRefusals.error(GraphQlRefusals.QUERY_TOO_LARGE, "The query has "
                    + size + " bytes; at most " + limits.maxQuerySize().toBytes() + " are allowed")));
        }
        // graphql-java's switch is JVM-wide, as Spring Boot sets it; per request it holds for this application alone
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(Introspection.INTROSPECTION_DISABLED, !introspection)).build());
        return chain.next(request);
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
