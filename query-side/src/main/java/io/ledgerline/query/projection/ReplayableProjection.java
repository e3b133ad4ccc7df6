package io.ledgerline.query.projection;

import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A read model fed from ledger.events that can be built again from the beginning of the stream. */
public interface ReplayableProjection {

    /** The id of the live projection's listener, which is also its Kafka consumer group. */
    String name();

    /**
     * Applies the records together, as one batch, and does nothing else: no announcements to
     * readers, no parking. The live projection calls it for each poll, a rebuild for each of its
     * transactions; the writes are in the store (for SQL: in the current transaction) when it
     * returns. A rebuild points the current thread at the new version of the read model first.
     */
    void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException;
}
