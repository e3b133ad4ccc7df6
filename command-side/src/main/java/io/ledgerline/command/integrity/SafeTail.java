package io.ledgerline.command.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * The highest global index below which no event can still appear. An index is drawn from the
 * store's sequence inside the appending transaction, and PostgreSQL ends every transaction of the
 * command side within the transaction timeout (the bound the Kafka publisher's gap timeout rests
 * on, README "Late commits"). So an index handed out before a sample of the sequence belongs to a
 * transaction that began before the sample and has committed or is gone once the timeout (and a
 * margin) has passed since: every index up to the sampled value is then final, gaps included.
 *
 * <p>Samples are taken with the database's clock, the clock that ends the transactions, so that
 * nodes with clocks that differ agree. Kept per node in memory: a node that just started waits
 * one settling time before its first checkpoint.
 */
final class SafeTail {

    /** The sequence's last handed-out value at a moment of the database's clock. */
    record Sample(Instant at, long lastIndex) {
    }

    /** For the timer's lateness and a commit already under way when the timeout fires. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    private final Duration settle;
    private final Deque<Sample> samples = new ArrayDeque<>();

    SafeTail(Duration transactionTimeout) {
        this.settle = transactionTimeout.plus(MARGIN);
    }

    /** Records a sample and answers the newest sampled index that has settled, if any has. */
    synchronized OptionalLong observe(Sample sample) {
        samples.addLast(sample);
        Instant settledBefore = sample.at().minus(settle);
        Sample settled = null;
        while (!samples.isEmpty() && !samples.peekFirst().at().isAfter(settledBefore)) {
            settled = samples.pollFirst();
        }
        if (settled == null) {
            return OptionalLong.empty();
        }
        // the newest settled sample stays: it is the answer until a newer one settles
        samples.addFirst(settled);
        return OptionalLong.of(settled.lastIndex());
    }
}
