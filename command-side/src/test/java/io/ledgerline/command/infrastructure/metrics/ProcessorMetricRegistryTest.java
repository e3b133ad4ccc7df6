package io.ledgerline.command.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMetricRegistryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anEventProcessorIsTimedCountedAndItsLatencyGaugedWithoutTheCapacityGaugeThatKeepsEveryMeasurement() {
        MessageMonitor<? super EventMessage<?>> monitor = new ProcessorMetricRegistry(meters)
                .registerEventProcessor("eventProcessor", message -> Tags.of("processorName", "kafka-publisher"),
                        message -> Tags.of("processorName", "kafka-publisher"));

        for (int i = 0; i < 1_000; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i)).reportSuccess();
        }

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("eventProcessor.successTimer", "eventProcessor.successCounter", "eventProcessor.latency")
                .noneMatch(name -> name.contains("capacity"));
        assertThat(meters.get("eventProcessor.successCounter").counter().count()).isEqualTo(1_000);
        assertThat(meters.getMeters()).map(Meter::getId)
                .allMatch(id -> "kafka-publisher".equals(id.getTag("processorName")));
    }
}
