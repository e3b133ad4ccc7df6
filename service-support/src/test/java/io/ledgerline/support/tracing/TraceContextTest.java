package io.ledgerline.support.tracing;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceContextTest {

    private static final String TRACE_ID = "463ac35c9f6413ad48485a3953bb6124";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-48485a3953bb6124-01";

    private final List<brave.handler.MutableSpan> finished = new ArrayList<>();
    private final Tracing tracing = Tracing.newBuilder()
            .propagationFactory(new W3CPropagation())
            .currentTraceContext(ThreadLocalCurrentTraceContext.create())
            .addSpanHandler(new brave.handler.SpanHandler() {
                @Override
                public boolean end(brave.propagation.TraceContext context, brave.handler.MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            })
            .build();
    private final BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
    private final TraceContext traces = new TraceContext(tracer, new BravePropagator(tracing));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void continuesTheTraceOfAReceivedTraceparentAndHandsOnItsOwnSpanAsW3cContext() {
        String[] inside = new String[1];

        traces.inSpan("command RequestTransferCommand", Span.Kind.SERVER, TRACEPARENT, () -> {
            inside[0] = traces.current().orElseThrow();
            return null;
        });

        assertThat(inside[0]).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").isNotEqualTo(TRACEPARENT);
        assertThat(finished).singleElement().satisfies(span -> {
            assertThat(span.traceId()).isEqualTo(TRACE_ID);
            assertThat(span.parentId()).isEqualTo("48485a3953bb6124");
            assertThat(span.name()).isEqualTo("command RequestTransferCommand");
        });
    }

    @Test
    void startsANewTraceForAMessageWithoutContext() {
        traces.inSpan("ledgerline-query-sql MoneyDeposited", Span.Kind.CONSUMER, null, () -> null);

        assertThat(finished).singleElement().satisfies(span -> {
            assertThat(span.traceId()).isNotEqualTo(TRACE_ID);
            assertThat(span.parentId()).isNull();
        });
    }

    @Test
    void recordsAFailureAndEndsTheSpan() {
        assertThatThrownBy(() -> traces.inSpan("publish ledger.events", Span.Kind.PRODUCER, TRACEPARENT, () -> {
            throw new IllegalStateException("broker gone");
        })).hasMessage("broker gone");

        assertThat(finished).singleElement().satisfies(span -> assertThat(span.error()).hasMessage("broker gone"));
        assertThat(traces.current()).as("nothing left in scope").isEmpty();
    }

    @Test
    void carriesNothingWithoutATracer() {
        TraceContext off = new TraceContext(Tracer.NOOP, Propagator.NOOP);

        assertThat(off.inSpan("command X", Span.Kind.SERVER, TRACEPARENT, () -> off.current())).isEmpty();
    }
}
