package io.ledgerline.command.infrastructure.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer's value serializer in {@link PublicationBatchRetryIT}: it refuses the first record
 * whose payload contains every part of a marker, as Kafka refuses a record it cannot take, and
 * passes it the next time, as after the cause went away.
 */
public class RefusingOnceSerializer extends ByteArraySerializer {

    private static final Map<List<String>, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();

    static void refuseOnce(String... markerParts) {
        REFUSALS.put(List.of(markerParts), new AtomicInteger());
    }

    static int refusals(String... markerParts) {
        return REFUSALS.get(List.of(markerParts)).get();
    }

    @Override
    public byte[] serialize(String topic, byte[] data) {
        String payload = new String(data, StandardCharsets.UTF_8);
        REFUSALS.forEach((marker, refusals) -> {
            if (marker.stream().allMatch(payload::contains) && refusals.compareAndSet(0, 1)) {
                throw new InvalidRecordException("Refusing the record marked " + marker + " once");
            }
        });
        return data;
    }
}
