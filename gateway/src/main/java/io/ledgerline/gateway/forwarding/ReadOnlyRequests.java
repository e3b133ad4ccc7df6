package io.ledgerline.gateway.forwarding;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Marks a route whose requests change nothing whatever their method, so that {@link SendAgain} may send
 * them to another node as it sends a GET. The route says why (RoutingConfiguration: GraphQL).
 */
public final class ReadOnlyRequests {

    private static final String ATTRIBUTE = ReadOnlyRequests.class.getName();

    private ReadOnlyRequests() {
    }

    public static HandlerFunction<ServerResponse> marking(HandlerFunction<ServerResponse> handler) {
        return request -> {
            request.attributes().put(ATTRIBUTE, Boolean.TRUE);
            return handler.handle(request);
        };
    }

    static boolean isMarked(ServerRequest request) {
        return Boolean.TRUE.equals(request.attributes().get(ATTRIBUTE));
    }
}
