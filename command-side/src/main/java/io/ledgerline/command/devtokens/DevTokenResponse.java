package io.ledgerline.command.devtokens;

import java.time.Instant;

/** A signed development token, to send as {@code Authorization: Bearer <token>}, and when it expires. */
public record DevTokenResponse(String token, Instant expiresAt) {
}
