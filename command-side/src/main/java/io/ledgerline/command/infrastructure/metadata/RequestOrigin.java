package io.ledgerline.command.infrastructure.metadata;

import io.ledgerline.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller and correlation id of the API request being served on this thread. The correlation id
 * is bound before the token is verified; the user is the token's subject once Spring Security has
 * authenticated the request, and {@value MetadataKeys#ANONYMOUS} before.
 */
public record RequestOrigin(String user, String correlationId) {

    private static final String ATTRIBUTE = RequestOrigin.class.getName();

    public void bindTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<RequestOrigin> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((RequestOrigin) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
                .map(bound -> Caller.current().map(caller -> new RequestOrigin(caller.subject(), bound.correlationId()))
                        .orElse(bound));
    }
}
