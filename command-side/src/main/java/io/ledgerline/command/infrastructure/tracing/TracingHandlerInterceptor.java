package io.ledgerline.command.infrastructure.tracing;

import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Handles each command, and each event in an event processor (the saga, the publisher, the
 * registries), in a span that continues the message's trace context.
 */
class TracingHandlerInterceptor<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    private final TraceContext traces;
    private final String handler;
    private final Span.Kind kind;

    /** @param handler what handles the message, first word of the span's name: {@code command} or the processor's name */
    TracingHandlerInterceptor(TraceContext traces, String handler, Span.Kind kind) {
        this.traces = traces;
        this.handler = handler;
        this.kind = kind;
    }

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Object traceparent = message.getMetaData().get(TraceContext.TRACEPARENT);
        String name = handler + " " + message.getPayloadType().getSimpleName();
        return traces.inSpan(name, kind, traceparent == null ? null : traceparent.toString(), chain::proceed);
    }
}
