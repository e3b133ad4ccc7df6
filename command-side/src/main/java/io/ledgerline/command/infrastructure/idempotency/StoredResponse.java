package io.ledgerline.command.infrastructure.idempotency;

/** The answer given to the first request under an idempotency key, replayed to its retries. */
public record StoredResponse(String requestHash, int status, String body, String location, String etag) {
}
