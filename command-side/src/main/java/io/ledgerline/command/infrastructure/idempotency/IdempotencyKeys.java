package io.ledgerline.command.infrastructure.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table of idempotency keys. Every method runs in the caller's transaction, which is also the
 * transaction of the command's events. A key answers as it first did for the retention
 * ({@code ledgerline.idempotency.retention}); after that it is a new key, whether or not the sweep
 * ({@link IdempotencyKeySweeper}) has deleted its row yet.
 */
@Repository
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyKeys(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public Optional<StoredResponse> find(String caller, String key) {
        return jdbc.query("""
                        SELECT request_hash, response_status, response_body, response_location, response_etag
                        FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND created_at > ?""",
                (row, index) -> new StoredResponse(row.getString("request_hash"), row.getInt("response_status"),
                        row.getString("response_body"), row.getString("response_location"), row.getString("response_etag")),
                caller, key, expiredBefore()).stream().findFirst();
    }

    /**
     * Claims the key before the command runs. A concurrent request with the same key blocks here
     * until the first one's transaction ends, then fails if it committed.
     *
     * @throws KeyAlreadyClaimed when another request committed under the key
     */
    public void claim(String caller, String key, String requestHash) {
        // an expired row not yet swept is taken over: the key is new again
        int claimed;
        try {
            claimed = jdbc.update("""
                    INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (caller, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
                        response_status = NULL, response_body = NULL, response_location = NULL, response_etag = NULL,
                        customer_id = NULL, created_at = EXCLUDED.created_at
                    WHERE idempotency_key.created_at <= ?""", caller, key, requestHash, OffsetDateTime.now(clock),
                    expiredBefore());
        } catch (DuplicateKeyException taken) {
            throw new KeyAlreadyClaimed(key, taken);
        }
        if (claimed == 0) {
            throw new KeyAlreadyClaimed(key, null);
        }
    }

    /**
     * @param customerId the customer whose personal data the request carried (registration, details
     *                   change), whose erasure removes the request's hash; else null
     */
    public void complete(String caller, String key, int status, String body, String location, String etag,
            String customerId) {
        jdbc.update("""
                UPDATE idempotency_key SET response_status = ?, response_body = ?, response_location = ?, response_etag = ?,
                    customer_id = ?
                WHERE caller = ? AND idempotency_key = ?""", status, body, location, etag, customerId, caller, key);
    }

    /**
     * Part of an erasure, in its transaction: the hash of a request that carried the customer's name
     * and email could confirm a guess of them. The keys stay, so retries still answer as before.
     */
    public void forgetRequestsOf(String customerId) {
        jdbc.update("UPDATE idempotency_key SET request_hash = NULL WHERE customer_id = ?", customerId);
    }

    private OffsetDateTime expiredBefore() {
        return OffsetDateTime.now(clock).minus(properties.retention());
    }

    /** Another request holds the key; its transaction has to be rolled back and the key read again. */
    public static class KeyAlreadyClaimed extends RuntimeException {

        KeyAlreadyClaimed(String key, Throwable cause) {
            super("Idempotency key " + key + " was claimed by a concurrent request", cause);
        }
    }
}
