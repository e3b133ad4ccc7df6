package io.ledgerline.query.admin;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.admin.ProjectionStatus.PartitionPosition;
import io.ledgerline.query.parking.ParkedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/** Reads every projection's position and lag from Kafka and its parked events from the database. */
@Service
public class ProjectionStatuses implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaListenerEndpointRegistry listeners;
    private final ParkedEvents parkedEvents;
    private final ProjectionProgress progress;
    private final Clock clock;
    private final Admin admin;

    ProjectionStatuses(KafkaListenerEndpointRegistry listeners, ParkedEvents parkedEvents,
            ProjectionProgress progress, Clock clock, KafkaAdmin kafkaAdmin) {
        this.listeners = listeners;
        this.parkedEvents = parkedEvents;
        this.progress = progress;
        this.clock = clock;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    public List<ProjectionStatus> all() throws ProjectionStatusUnavailable {
        try {
            List<TopicPartition> partitions = partitions();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            List<ProjectionStatus> statuses = new ArrayList<>();
            for (String name : listeners.getListenerContainerIds().stream().sorted().toList()) {
                statuses.add(status(name, partitions, starts, ends));
            }
            return statuses;
        } catch (ExecutionException | TimeoutException e) {
            throw new ProjectionStatusUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectionStatusUnavailable(e);
        }
    }

    private ProjectionStatus status(String name, List<TopicPartition> partitions, Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(name)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<PartitionPosition> positions = new ArrayList<>();
        long position = 0;
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long at = offset == null ? starts.get(partition) : offset.offset();
            long end = ends.get(partition);
            positions.add(new PartitionPosition(partition.partition(), at, end, Math.max(end - at, 0)));
            position += at;
            lag += Math.max(end - at, 0);
        }
        MessageListenerContainer container = listeners.getListenerContainer(name);
        return new ProjectionStatus(name, container != null && container.isRunning(), position, lag,
                lagSeconds(name, lag), parkedEvents.countParked(name), positions);
    }

    private Long lagSeconds(String name, long lag) {
        if (lag == 0) {
            return 0L;
        }
        return progress.lastProjectedEventTime(name)
                .map(time -> Math.max(Duration.between(time, clock.instant()).toSeconds(), 0))
                .orElse(null);
    }

    private List<TopicPartition> partitions() throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeTopics(List.of(LedgerHeaders.TOPIC)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(LedgerHeaders.TOPIC).partitions().stream()
                .map(info -> new TopicPartition(LedgerHeaders.TOPIC, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, ListOffsetsResultInfo> found = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
