package io.ledgerline.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With {@code management.tracing.enabled=false} Boot only stops propagating and reporting: Brave still
 * started, sampled (every request in the local profile) and recorded a span for each observation. Off
 * means no tracing work at all; on, every observation is still a span.
 */
class TracingSwitchedOffTest {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                    BraveAutoConfiguration.class, NoopTracerAutoConfiguration.class, TracingOffAutoConfiguration.class,
                    TracingAutoConfiguration.class))
            .withPropertyValues("management.tracing.sampling.probability=1.0", "management.zipkin.tracing.export.enabled=false");

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void aReceivedRequestStartsNoSpanAndCarriesNoContextWhenTracingIsSwitchedOff() {
        services.withPropertyValues("management.tracing.enabled=false").run(context -> {
            assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
            assertThat(context.getBean(Propagator.class)).isSameAs(Propagator.NOOP);

            Seen seen = receive(context.getBean(ObservationRegistry.class), context.getBean(TraceContext.class));

            assertThat(seen.traceId()).isEmpty();
            assertThat(seen.traceparent()).isEmpty();
        });
    }

    @Test
    void aReceivedRequestContinuesTheCallersTraceWhenTracingIsOn() {
        services.run(context -> {
            assertThat(context.getBean(Tracer.class)).isInstanceOf(BraveTracer.class);

            Seen seen = receive(context.getBean(ObservationRegistry.class), context.getBean(TraceContext.class));

            assertThat(seen.traceId()).contains(TRACE_ID);
            assertThat(seen.traceparent()).hasValueSatisfying(traceparent -> assertThat(traceparent).contains(TRACE_ID));
        });
    }

    private record Seen(Optional<String> traceId, Optional<String> traceparent) {
    }

    /** As a server observes a request that came with the caller's traceparent, and what the code handling it sees. */
    private static Seen receive(ObservationRegistry observations, TraceContext traces) {
        Map<String, String> headers = Map.of(TraceContext.TRACEPARENT, CALLERS_TRACEPARENT);
        ReceiverContext<Map<String, String>> request = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        request.setCarrier(headers);
        AtomicReference<Seen> seen = new AtomicReference<>();
        Observation.createNotStarted("request", () -> request, observations)
                .observe(() -> seen.set(new Seen(traces.currentTraceId(), traces.current())));
        return seen.get();
    }
}
