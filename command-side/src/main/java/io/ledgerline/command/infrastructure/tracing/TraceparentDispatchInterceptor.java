package io.ledgerline.command.infrastructure.tracing;

import io.ledgerline.support.tracing.TraceContext;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Gives a command the trace context of the span it is sent in (an API request's, a saga's), so its
 * handling, on whatever thread, continues that trace.
 */
class TraceparentDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final TraceContext traces;

    TraceparentDispatchInterceptor(TraceContext traces) {
        this.traces = traces;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(TraceContext.TRACEPARENT)
                ? command
                : traces.current().<CommandMessage<?>>map(traceparent -> command.andMetaData(
                        Map.of(TraceContext.TRACEPARENT, traceparent))).orElse(command);
    }
}
