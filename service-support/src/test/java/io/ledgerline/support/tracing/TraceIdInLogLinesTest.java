package io.ledgerline.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The services log through Spring Boot's defaults (neither configures a log pattern of its own): a
 * line logged in a span carries its trace and span id, as text by default and as JSON fields with
 * the production option {@code logging.structured.format.console}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceIdInLogLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Boot hands the format to Logback as a system property and leaves it set when the context closes
    @AfterEach
    void logAsTextAgain() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void aLineLoggedInASpanCarriesTheTraceAndSpanId(CapturedOutput output) {
        String message = "traced line " + UUID.randomUUID();

        Span span = logInASpan(message);

        String line = lineWith(output, message);
        assertThat(line).contains("[" + span.context().traceId() + "-" + span.context().spanId() + "]");
    }

    @Test
    void jsonLogLinesForProductionCarryTheTraceAndSpanIdAsFields(CapturedOutput output) throws Exception {
        String message = "structured line " + UUID.randomUUID();

        Span span = logInASpan(message, "--logging.structured.format.console=ecs");

        JsonNode line = JSON.readTree(lineWith(output, message));
        assertThat(line.path("message").asText()).isEqualTo(message);
        assertThat(line.path("traceId").asText()).isEqualTo(span.context().traceId());
        assertThat(line.path("spanId").asText()).isEqualTo(span.context().spanId());
    }

    private static Span logInASpan(String message, String... arguments) {
        String[] settings = Arrays.copyOf(arguments, arguments.length + 2);
        settings[arguments.length] = "--spring.main.banner-mode=off";
        settings[arguments.length + 1] = "--management.zipkin.tracing.export.enabled=false";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Traced.class)
                .web(WebApplicationType.NONE).run(settings)) {
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("logging").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                LoggerFactory.getLogger(TraceIdInLogLinesTest.class).info(message);
            } finally {
                span.end();
            }
            return span;
        }
    }

    private static String lineWith(CapturedOutput output, String message) {
        return output.getOut().lines().filter(line -> line.contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("Not logged: " + message + "\n" + output.getOut()));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            BraveAutoConfiguration.class, TracingAutoConfiguration.class})
    static class Traced {
    }
}
