package io.ledgerline.command.integrity;

import java.time.Instant;

/** A checkpoint as stored, with when it was signed (a time the signature does not cover). */
public record StoredCheckpoint(Checkpoint checkpoint, Instant signedAt) {
}
