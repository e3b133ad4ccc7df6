package io.ledgerline.command.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class AxonTimerBucketsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    AxonTimerBucketsTest() {
        meters.config().meterFilter(new AxonTimerBuckets());
    }

    @Test
    void axonsMessageTimersServeBucketsInsteadOfPercentilesComputedInTheService() {
        MessageMonitor<? super CommandMessage<?>> monitor = new ProcessorMetricRegistry(meters)
                .registerCommandBus("commandBus", message -> Tags.of("payloadType", "Deposit"));

        for (int i = 0; i < 100; i++) {
            monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("deposit " + i)).reportSuccess();
        }

        HistogramSnapshot snapshot = meters.get("commandBus.successTimer").timer().takeSnapshot();
        assertThat(snapshot.count()).isEqualTo(100);
        assertThat(snapshot.percentileValues()).isEmpty();
        assertThat(Arrays.stream(snapshot.histogramCounts()).mapToDouble(CountAtBucket::bucket))
                .contains((double) Duration.ofMillis(5).toNanos(), (double) Duration.ofMillis(2_500).toNanos());
    }

    @Test
    void leavesOtherTimersAsTheyAre() {
        Timer timer = Timer.builder("http.server.requests").publishPercentiles(0.99).register(meters);
        timer.record(Duration.ofMillis(3));

        assertThat(timer.takeSnapshot().percentileValues()).hasSize(1);
        assertThat(timer.takeSnapshot().histogramCounts()).isEmpty();
    }
}
