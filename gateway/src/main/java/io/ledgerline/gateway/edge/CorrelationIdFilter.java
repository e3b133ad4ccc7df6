package io.ledgerline.gateway.edge;

import io.ledgerline.support.ids.RandomUuids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id before anything else runs, so that the gateway's own
 * refusals carry one too and the node that serves the request records the same id the client sees.
 * An id that is not a plain token is replaced, as the command side replaces it: it ends up in event
 * metadata and Kafka headers.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : RandomUuids.nextString();
        response.setHeader(HEADER, correlationId);
        chain.doFilter(new WithCorrelationId(request, correlationId), response);
    }

    private static final class WithCorrelationId extends HttpServletRequestWrapper {

        private final String correlationId;

        WithCorrelationId(HttpServletRequest request, String correlationId) {
            super(request);
            this.correlationId = correlationId;
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? correlationId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(correlationId))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HEADER::equalsIgnoreCase)) {
                names.add(HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
