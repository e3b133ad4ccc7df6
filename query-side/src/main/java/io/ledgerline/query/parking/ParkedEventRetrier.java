package io.ledgerline.query.parking;

import io.ledgerline.query.parking.ParkedEvents.StoredRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Applies parked events again through the same listener that parked them. An aggregate's parked
 * events go in their original order, and the first that fails again stops the run, so the order
 * is never broken.
 */
@Service
public class ParkedEventRetrier {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventRetrier.class);

    private final ParkedEvents parkedEvents;
    private final KafkaListenerEndpointRegistry listeners;

    ParkedEventRetrier(ParkedEvents parkedEvents, KafkaListenerEndpointRegistry listeners) {
        this.parkedEvents = parkedEvents;
        this.listeners = listeners;
    }

    /** Retries the parked events of the aggregate the given one belongs to, oldest first. */
    public synchronized RetryOutcome retry(ParkedEvent parked) {
        BatchMessageListener<Object, Object> listener = listenerOf(parked.consumerGroup());
        int applied = 0;
        List<StoredRecord> chain = parkedEvents.parkedChain(parked.consumerGroup(), parked.aggregateId());
        while (!chain.isEmpty()) {
            for (StoredRecord stored : chain) {
                try {
                    listener.onMessage(List.of(asListened(stored.record())), null, null);
                } catch (RuntimeException failure) {
                    log.warn("Parked event {} failed again", stored.id(), failure);
                    parkedEvents.failedAgain(stored.id(), ParkingRecoverer.describe(failure));
                    return new RetryOutcome(applied, stored.id(), ParkingRecoverer.describe(failure));
                }
                parkedEvents.resolve(stored.id());
                applied++;
            }
            // events that arrived meanwhile were parked behind the chain
            chain = parkedEvents.parkedChain(parked.consumerGroup(), parked.aggregateId());
        }
        return new RetryOutcome(applied, null, null);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<Object, Object> asListened(ConsumerRecord<String, byte[]> record) {
        return (ConsumerRecord<Object, Object>) (ConsumerRecord<?, ?>) record;
    }

    @SuppressWarnings("unchecked")
    private BatchMessageListener<Object, Object> listenerOf(String group) {
        MessageListenerContainer container = listeners.getListenerContainer(group);
        if (container == null) {
            throw new IllegalStateException("No projection listens as consumer group " + group);
        }
        // the listener itself, without the container's interceptor that would hold the record behind itself
        return (BatchMessageListener<Object, Object>) container.getContainerProperties()
                .getMessageListener();
    }

    /**
     * @param applied how many parked events were applied
     * @param stoppedAt the parked event that failed again, if one did
     */
    public record RetryOutcome(@Schema(description = "How many parked events were applied", minimum = "0", maximum = "2147483647") int applied,
            @Schema(description = "The id of the parked event the retry stopped at; null when all were applied",
                    types = {"integer", "null"}, format = "int64", minimum = "0", maximum = "9223372036854775807") Long stoppedAt,
            @Schema(description = "Why it stopped, as the parked event's error; null when all were applied",
                    types = {"string", "null"}) String error) {
    }
}
