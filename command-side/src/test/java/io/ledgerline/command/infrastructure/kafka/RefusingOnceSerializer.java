package io.ledgerline.command.infrastructure.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer's value serializer in {@link PublicationBatchRetryIT}: it refuses the first record
 * whose payload contains a marker, as Kafka refuses a record it cannot take, and passes it the
 * next time, as after the cause went away.
 */
public class RefusingOnceSerializer extends ByteArraySerializer {

    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();

    static void refuseOnce(String marker) {
        REFUSALS.put(marker, new AtomicInteger());
    }

    static int refusals(String marker) {
        return REFUSALS.get(marker).get();
    }

    @Override
    public byte[] serialize(String topic, byte[] data) {
        String payload = new String(data, StandardCharsets.UTF_8);
        REFUSALS.forEach((marker, refusals) -> {
            if (payload.contains(marker) && refusals.compareAndSet(0, 1)) {
                throw new InvalidRecordException("Refusing the record marked " + marker + " once");
            }
        });
        return data;
    }
}
