package io.ledgerline.command.infrastructure.republish;

import io.ledgerline.command.infrastructure.kafka.LedgerRecords;
import io.ledgerline.command.infrastructure.kafka.PublicationProperties;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends the event store again to Kafka, from a global position up to the head it saw when it
 * started, in the records the live publisher builds, so consumers' idempotency drops what they
 * already applied. Records are sent in acknowledged windows: the producer is idempotent and keeps
 * the order per partition, and the progress reported is only what Kafka confirmed.
 *
 * <p>Runs are held in this node's memory; one runs at a time per node.
 */
@Component
public class Republisher {

    private static final Logger log = LoggerFactory.getLogger(Republisher.class);
    private static final int ACKNOWLEDGEMENT_WINDOW = 500;

    private final EventStorageEngine storageEngine;
    private final KafkaTemplate<String, byte[]> kafka;
    private final LedgerRecords records;
    private final PublicationProperties publication;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-republisher");
        thread.setDaemon(true);
        return thread;
    });
    private final RepublishRuns runs = new RepublishRuns();

    Republisher(EventStorageEngine storageEngine, KafkaTemplate<String, byte[]> kafka, LedgerRecords records,
            PublicationProperties publication) {
        this.storageEngine = storageEngine;
        this.kafka = kafka;
        this.records = records;
        this.publication = publication;
    }

    /** @throws RepublishAlreadyRunning when another republication has not finished */
    public RepublishStatus start(long fromPosition) {
        TrackingToken headToken = storageEngine.createHeadToken();
        RepublishRun run = runs.begin(fromPosition, headToken == null ? -1 : headToken.position().orElse(-1));
        worker.execute(() -> republish(run));
        return run.status();
    }

    public Optional<RepublishStatus> status(String republishId) {
        return runs.find(republishId).map(RepublishRun::status);
    }

    private void republish(RepublishRun run) {
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(tokenBefore(run.fromPosition()), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<CompletableFuture<SendResult<String, byte[]>>> window = new ArrayList<>();
            long windowEnd = -1;
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long position = event.trackingToken().position().orElseThrow();
                if (position > run.headPosition()) {
                    break;
                }
                window.add(kafka.send(records.recordOf((DomainEventMessage<?>) event, position)));
                windowEnd = position;
                if (window.size() == ACKNOWLEDGEMENT_WINDOW) {
                    awaitAcknowledgements(window, run, windowEnd);
                }
            }
            awaitAcknowledgements(window, run, windowEnd);
            run.completed();
            log.info("Republication {} sent {} events from position {} to {}", run.id(), run.status().eventsPublished(),
                    run.fromPosition(), run.headPosition());
        } catch (Exception failure) {
            log.error("Republication {} failed after position {}", run.id(), run.status().lastPosition(), failure);
            run.failed(failure);
        }
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> window, RepublishRun run,
            long windowEnd) throws Exception {
        if (window.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new))
                .get(publication.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
        run.acknowledged(window.size(), windowEnd);
        window.clear();
    }

    /** The JPA engine reads the events after a token; a gap-aware one is the only kind it accepts. */
    private static TrackingToken tokenBefore(long position) {
        return position == 0 ? null : GapAwareTrackingToken.newInstance(position - 1, Collections.emptySet());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
