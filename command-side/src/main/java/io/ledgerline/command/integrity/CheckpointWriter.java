package io.ledgerline.command.integrity;

import io.ledgerline.command.infrastructure.eventstore.EventStoreProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes the next checkpoints on a schedule: once {@code every-events} events are stored safely
 * after the last checkpoint, or {@code interval} after it when at least one is. It reads the store
 * on a connection of its own and takes only the checkpoint writers' advisory lock, which appends
 * never take, so writing never slows the append path; another node holding the lock is simply
 * left to it.
 */
public class CheckpointWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
    /** How often it looks; the schedule decides whether anything is due. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Checkpoints written in one transaction while catching up: the next poll goes on. */
    private static final int MAX_CHECKPOINTS_PER_POLL = 10;

    private final DataSource dataSource;
    private final CheckpointKeys keys;
    private final CheckpointProperties properties;
    private final CheckpointStore store = new CheckpointStore();
    private final SafeTail safeTail;
    private ScheduledExecutorService scheduler;
    private Instant startedAt;

    public CheckpointWriter(DataSource dataSource, CheckpointKeys keys, CheckpointProperties properties,
            EventStoreProperties eventStore) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.properties = properties;
        this.safeTail = new SafeTail(eventStore.transactionTimeout());
    }

    /** Writes what is due now; answers what it wrote. */
    List<Checkpoint> writeDue() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SafeTail.Sample sample = sample(connection);
            if (startedAt == null) {
                startedAt = sample.at();
            }
            OptionalLong tail = safeTail.observe(sample);
            if (tail.isEmpty()) {
                return List.of();
            }
            Instant now = sample.at();
            // with none stored yet, the interval runs from this writer's start
            return store.writeDue(connection, tail.getAsLong(), properties.everyEvents(),
                    lastSignedAt -> !lastSignedAt.orElse(startedAt).plus(properties.interval()).isAfter(now),
                    MAX_CHECKPOINTS_PER_POLL, keys);
        }
    }

    private static SafeTail.Sample sample(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT clock_timestamp(), "
                + "CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM domain_event_entry_seq");
             ResultSet result = select.executeQuery()) {
            result.next();
            return new SafeTail.Sample(result.getTimestamp(1).toInstant(), result.getLong(2));
        }
    }

    private void poll() {
        try {
            List<Checkpoint> written = writeDue();
            if (!written.isEmpty()) {
                log.debug("Signed {} checkpoints up to global index {}", written.size(),
                        written.get(written.size() - 1).toGlobalIndex());
            }
        } catch (SQLException | RuntimeException e) {
            // the next poll tries again; nothing is lost by waiting
            log.warn("Writing checkpoints failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "checkpoint-writer");
            thread.setDaemon(true);
            return thread;
        });
        long poll = Math.min(POLL.toMillis(), properties.interval().toMillis());
        scheduler.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
