package io.ledgerline.query.projection;

import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A read model fed from ledger.events that can be built again from the beginning of the stream. */
public interface ReplayableProjection {

    /** The id of the live projection's listener, which is also its Kafka consumer group. */
    String name();

    /**
     * Applies one record to the version of the read model the current thread writes to, and does
     * nothing else: no announcements to readers, no parking.
     */
    void replay(ConsumerRecord<String, byte[]> record) throws IOException;
}
