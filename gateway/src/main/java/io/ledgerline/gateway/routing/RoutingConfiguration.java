package io.ledgerline.gateway.routing;

import io.ledgerline.gateway.GatewayProperties;
import io.ledgerline.gateway.forwarding.ReadOnlyRequests;
import io.ledgerline.gateway.forwarding.SideForwarding;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * Every documented operation to its side; GraphQL to the query side; each service's API document
 * under a name of its own for the gateway's Swagger UI. Anything else is no route: 404.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String GRAPHQL = "/graphql";
    static final String COMMAND_DOCUMENT = "/api-docs/command-side";
    static final String QUERY_DOCUMENT = "/api-docs/query-side";
    private static final String SERVED_DOCUMENT = "/v3/api-docs";
    /**
     * Before the actuator's endpoint mappings (order -100): nearly every request the gateway serves is one
     * of its routes, and each searched the actuator's endpoints first, about 3 % of the CPU of a forwarded
     * request. No route's path lies under /actuator, so the actuator's requests still find their endpoints.
     */
    static final int ROUTES_FIRST = -200;

    /** Static: the mapping's order must be set before the dispatcher sorts its mappings. */
    @Bean
    static BeanPostProcessor routesLookedUpFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping routes) {
                    routes.setOrder(ROUTES_FIRST);
                }
                return bean;
            }
        };
    }

    @Bean
    DocumentedRoutes documentedRoutes(GatewayProperties properties) {
        return DocumentedRoutes.fromPackagedDocuments(properties.devTokensRoute());
    }

    @Bean
    RouterFunction<ServerResponse> apiRoutes(DocumentedRoutes routes, SideForwarding forwarding) {
        var builder = GatewayRouterFunctions.route("api");
        for (ApiOperation operation : routes.operations()) {
            builder.route(RequestPredicates.method(operation.method()).and(RequestPredicates.path(operation.path())),
                    forwarding.to(operation.side()));
        }
        // The query side's GraphQL over HTTP: POST only (GraphiQL is the query side's, local profile only; the
        // WebSocket upgrade of GET /graphql is the websocket package's relay). The schema has no mutations, only
        // queries and subscriptions, so a POST /graphql reads and books nothing: it may be sent to another node
        // as a GET is, with or without an Idempotency-Key. A mutation added to the schema must end this.
        builder.route(RequestPredicates.POST(GRAPHQL), ReadOnlyRequests.marking(forwarding.to(Side.QUERY)));
        builder.GET(COMMAND_DOCUMENT, forwarding.to(Side.COMMAND, SERVED_DOCUMENT));
        builder.GET(QUERY_DOCUMENT, forwarding.to(Side.QUERY, SERVED_DOCUMENT));
        return builder.build();
    }
}
