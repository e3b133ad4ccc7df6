package io.ledgerline.query.rebuild;

import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Consumers of ledger.events for rebuilds. A rebuild assigns itself every partition and seeks to
 * the positions it recorded with its rows, so it joins no group and commits nothing to Kafka.
 */
@Component
class RebuildConsumers {

    private final ConsumerFactory<String, byte[]> factory;
    private final int batchSize;

    // large batches by default: a rebuild applies a whole poll in one transaction
    RebuildConsumers(ConsumerFactory<String, byte[]> factory, @Value("${ledgerline.rebuild.batch-size:1000}") int batchSize) {
        this.factory = factory;
        this.batchSize = batchSize;
    }

    /** How many records a rebuild applies in one transaction at most. */
    int batchSize() {
        return batchSize;
    }

    Consumer<String, byte[]> open(String rebuildId) {
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return factory.createConsumer("ledgerline-rebuild-" + rebuildId, "rebuild-" + rebuildId, null, properties);
    }
}
