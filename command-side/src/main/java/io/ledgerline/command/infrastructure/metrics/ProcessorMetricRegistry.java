package io.ledgerline.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's metrics, but for the event processors' capacity gauge. That gauge keeps every message's processing
 * time of its last ten seconds in a skip list, two boxed longs and a list node each: while the Kafka publisher
 * and the saga caught up a million events, those entries were about 170 MB of the command side's 384 MB heap
 * (two million of them, after a full collection). The processors' timers, counters and latency stay.
 */
public class ProcessorMetricRegistry extends GlobalMetricRegistry {

    public ProcessorMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
            Function<Message<?>, Iterable<Tag>> tagsBuilder, Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        MeterRegistry registry = getRegistry();
        List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(eventProcessorName)
                        .meterRegistry(registry)
                        .tagsBuilder(latencyTagsBuilder)
                        .build(),
                MessageCountingMonitor.buildMonitor(eventProcessorName, registry, tagsBuilder));
        return new MultiMessageMonitor<>(monitors);
    }
}
