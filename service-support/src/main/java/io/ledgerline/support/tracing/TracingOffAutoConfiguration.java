package io.ledgerline.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code management.tracing.enabled=false} stops Boot's propagation and reporting only: Brave's tracer
 * stayed, and every observed request still got a span, sampled (every one in the local profile),
 * recorded and put into the logging context, a few per cent of the gateway's CPU per forwarded request
 * for spans nobody would see. Switched off, the tracer and the propagator are the no-op ones, made
 * before Boot's would be (both: Brave's propagator starts Brave spans for a received request's context
 * and takes only Brave's spans): observations still time requests for the metrics, and
 * {@link TraceContext} carries no context.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
@ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
public class TracingOffAutoConfiguration {

    @Bean
    Tracer noTracing() {
        return Tracer.NOOP;
    }

    /** Primary: Boot makes its Brave propagator whatever other propagator there is. */
    @Bean
    @Primary
    Propagator noPropagation() {
        return Propagator.NOOP;
    }
}
