package io.ledgerline.query.rebuild;

import java.time.Duration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Pauses and resumes this node's live projections, so that a rebuild can take over between two records. */
@Component
class LiveProjections {

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(20);

    private final KafkaListenerEndpointRegistry registry;

    LiveProjections(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    /** Returns once the projection applies no record any more, or false when it did not pause in time. */
    boolean pause(String projection, Duration timeout) {
        MessageListenerContainer container = registry.getListenerContainer(projection);
        if (container == null || !container.isRunning()) {
            return true;
        }
        container.pause();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!container.isContainerPaused() && container.isRunning()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(CHECK_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    void resume(String projection) {
        MessageListenerContainer container = registry.getListenerContainer(projection);
        if (container != null) {
            container.resume();
        }
    }
}
