package io.ledgerline.command.infrastructure.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys past their retention. Each batch is one short statement of its own, so
 * a sweep of a large backlog never holds many row locks or one long transaction beside the
 * commands that insert keys. A key not yet swept is already treated as new ({@link IdempotencyKeys}).
 */
@Component
public class IdempotencyKeySweeper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweeper.class);
    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyKeySweeper(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** @return how many keys were deleted */
    @Scheduled(fixedDelayString = "${ledgerline.idempotency.sweep-interval:PT1H}",
            initialDelayString = "${ledgerline.idempotency.sweep-interval:PT1H}")
    public int sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = deleteExpiredBatch(BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} idempotency keys older than {}", total, properties.retention());
        }
        return total;
    }

    /** One batch of at most {@code limit} expired keys. */
    public int deleteExpiredBatch(int limit) {
        return jdbc.update("""
                DELETE FROM idempotency_key WHERE (caller, idempotency_key) IN (
                    SELECT caller, idempotency_key FROM idempotency_key WHERE created_at <= ? LIMIT ?
                    FOR UPDATE SKIP LOCKED)""", expiredBefore(), limit);
    }

    private OffsetDateTime expiredBefore() {
        return OffsetDateTime.now(clock).minus(properties.retention());
    }
}
