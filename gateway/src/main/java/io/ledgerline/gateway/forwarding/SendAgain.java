package io.ledgerline.gateway.forwarding;

import java.util.Set;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Which requests may reach a node a second time. A GET changes nothing. A POST or PUT with an
 * Idempotency-Key is booked once by the command side however often it arrives (every command
 * endpoint honours the key: account, customer, deposit, withdrawal, freeze, unfreeze, close,
 * overdraft limit, erasure, transfer). A plain POST may have been booked by the node that failed to
 * answer, so it is never sent again; it goes to another node only when its connection was refused,
 * and then it was never sent. A route marked {@link ReadOnlyRequests} changes nothing, as a GET.
 */
final class SendAgain {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> IDEMPOTENT_WITH_KEY = Set.of("POST", "PUT");

    private SendAgain() {
    }

    static boolean allowed(ServerRequest request) {
        String method = request.method().name();
        if (SAFE.contains(method) || ReadOnlyRequests.isMarked(request)) {
            return true;
        }
        String key = request.headers().firstHeader(IDEMPOTENCY_KEY);
        return IDEMPOTENT_WITH_KEY.contains(method) && key != null && !key.isBlank();
    }
}
