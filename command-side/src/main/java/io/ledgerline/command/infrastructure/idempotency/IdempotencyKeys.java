package io.ledgerline.command.infrastructure.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table of idempotency keys. Every method runs in the caller's transaction, which is also the
 * transaction of the command's events.
 */
@Repository
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public Optional<StoredResponse> find(String caller, String key) {
        return jdbc.query("""
                        SELECT request_hash, response_status, response_body, response_location, response_etag
                        FROM idempotency_key WHERE caller = ? AND idempotency_key = ?""",
                (row, index) -> new StoredResponse(row.getString("request_hash"), row.getInt("response_status"),
                        row.getString("response_body"), row.getString("response_location"), row.getString("response_etag")),
                caller, key).stream().findFirst();
    }

    /**
     * Claims the key before the command runs. A concurrent request with the same key blocks here
     * until the first one's transaction ends, then fails if it committed.
     *
     * @throws KeyAlreadyClaimed when another request committed under the key
     */
    public void claim(String caller, String key, String requestHash) {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at)
                    VALUES (?, ?, ?, ?)""", caller, key, requestHash, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException taken) {
            throw new KeyAlreadyClaimed(key, taken);
        }
    }

    public void complete(String caller, String key, int status, String body, String location, String etag) {
        jdbc.update("""
                UPDATE idempotency_key SET response_status = ?, response_body = ?, response_location = ?, response_etag = ?
                WHERE caller = ? AND idempotency_key = ?""", status, body, location, etag, caller, key);
    }

    /** Another request holds the key; its transaction has to be rolled back and the key read again. */
    public static class KeyAlreadyClaimed extends RuntimeException {

        KeyAlreadyClaimed(String key, Throwable cause) {
            super("Idempotency key " + key + " was claimed by a concurrent request", cause);
        }
    }
}
