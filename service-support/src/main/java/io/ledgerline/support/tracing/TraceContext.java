package io.ledgerline.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}) of the current span, and spans that continue one
 * received in a message's metadata or a Kafka header. It travels under its own key, apart from the
 * ledger's metadata, so nothing that hashes or audits an event's metadata has to know about it.
 */
public class TraceContext {

    /** Key in command and event metadata, and name of the Kafka header (W3C Trace Context). */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the span in scope on this thread, if any. */
    public Optional<String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * A started span continuing {@code traceparent}, or a new trace when there is none (an event stored
     * before tracing, a message of a sender with tracing off). The caller ends it.
     */
    public Span startSpan(String name, Span.Kind kind, String traceparent) {
        Span.Builder builder = traceparent == null || traceparent.isBlank()
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        return builder.name(name).kind(kind).start();
    }

    /** Runs {@code work} in a span continuing {@code traceparent}; the span records a failure and ends either way. */
    public <T, E extends Exception> T inSpan(String name, Span.Kind kind, String traceparent, SpanWork<T, E> work) throws E {
        Span span = startSpan(name, kind, traceparent);
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.run();
        } catch (Exception e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The trace id of the span in scope, for answers a user may quote; none when tracing is off (the no-op span has a blank one). */
    public Optional<String> currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : Optional.of(span.context().traceId()).filter(id -> !id.isBlank());
    }

    @FunctionalInterface
    public interface SpanWork<T, E extends Exception> {
        T run() throws E;
    }
}
