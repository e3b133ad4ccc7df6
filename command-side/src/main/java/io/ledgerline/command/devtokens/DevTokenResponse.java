package io.ledgerline.command.devtokens;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A signed development token, to send as {@code Authorization: Bearer <token>}, and when it expires. */
public record DevTokenResponse(@Schema(description = "A signed JWT", maxLength = 8192,
        pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String token, Instant expiresAt) {
}
