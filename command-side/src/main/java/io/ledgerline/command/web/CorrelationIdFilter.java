package io.ledgerline.command.web;

import io.ledgerline.command.infrastructure.metadata.MetadataKeys;
import io.ledgerline.command.infrastructure.metadata.RequestOrigin;
import io.ledgerline.support.ids.RandomUuids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's correlation id, or makes one, and echoes it, so a client can find the events
 * its request caused. An id that is not a plain token is replaced rather than refused: it ends up
 * in event metadata and Kafka headers, where it must not carry arbitrary text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : RandomUuids.nextString();
        new RequestOrigin(MetadataKeys.ANONYMOUS, correlationId).bindTo(request);
        response.setHeader(HEADER, correlationId);
        chain.doFilter(request, response);
    }
}
