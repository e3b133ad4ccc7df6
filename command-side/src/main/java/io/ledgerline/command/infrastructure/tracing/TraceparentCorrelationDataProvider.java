package io.ledgerline.command.infrastructure.tracing;

import io.ledgerline.support.tracing.TraceContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * What a handler's messages (a command's events, the saga's commands) carry of the trace: the
 * context of the span handling the message, so that they hang under it, else the message's own.
 */
class TraceparentCorrelationDataProvider implements CorrelationDataProvider {

    private final TraceContext traces;

    TraceparentCorrelationDataProvider(TraceContext traces) {
        this.traces = traces;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object traceparent = traces.current().map(Object.class::cast)
                .orElseGet(() -> message.getMetaData().get(TraceContext.TRACEPARENT));
        return traceparent == null ? Map.of() : Map.of(TraceContext.TRACEPARENT, traceparent);
    }
}
