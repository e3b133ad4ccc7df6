package io.ledgerline.query.parking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies the records of a poll as one unit of work, and when that fails, finds the record that
 * fails: the records before it are applied on their own and the container is told which record
 * failed, so that only that one is retried and, if it is poison, parked, while the rest of the poll
 * is delivered again. An outage fails the whole poll at its first record, which is retried until
 * the store is back.
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    public static void apply(List<ConsumerRecord<String, byte[]>> records, Unit unit) {
        if (records.isEmpty()) {
            return;
        }
        try {
            run(unit, records);
            return;
        } catch (RuntimeException failure) {
            if (records.size() == 1 || FailureKinds.isTransient(failure)) {
                throw failed(records.get(0), failure);
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                run(unit, List.of(record));
            } catch (RuntimeException failure) {
                throw failed(record, failure);
            }
        }
    }

    private static void run(Unit unit, List<ConsumerRecord<String, byte[]>> records) {
        try {
            unit.apply(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BatchListenerFailedException failed(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        return new BatchListenerFailedException("Projecting " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " failed", failure, record);
    }

    /** Applies records all or nothing: in one transaction, or in one bulk request of idempotent writes. */
    @FunctionalInterface
    public interface Unit {
        void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException;
    }
}
