package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.StoredCheckpoint;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One page of the checkpoints, oldest first, with the key that checks their signatures. */
@Schema(name = "CheckpointPage")
public record CheckpointPageResponse(
        @Schema(minimum = "0", maximum = "2147483647") int page,
        @Schema(minimum = "1", maximum = "" + CheckpointController.MAX_PAGE_SIZE) int size,
        @Schema(description = "Checkpoints stored in all", minimum = "0", maximum = "9223372036854775807")
        long totalCheckpoints,
        @Schema(description = "The Ed25519 public key that checks the signatures, base64 X.509 SubjectPublicKeyInfo "
                + "(DER)", maxLength = 200, pattern = "^[A-Za-z0-9+/]+={0,2}$") String publicKey,
        @ArraySchema(maxItems = CheckpointController.MAX_PAGE_SIZE) List<CheckpointView> checkpoints) {

    private static final String HEX64 = "^[0-9a-f]{64}$";

    @Schema(name = "Checkpoint")
    public record CheckpointView(
            @Schema(description = "The first global index covered", minimum = "0", maximum = "9223372036854775807")
            long fromGlobalIndex,
            @Schema(description = "The last global index covered", minimum = "0", maximum = "9223372036854775807")
            long toGlobalIndex,
            @Schema(description = "RFC 6962 Merkle root of the event hashes of the range in global index order, hex",
                    pattern = HEX64, maxLength = 64) String merkleRoot,
            @Schema(description = "The previous checkpoint's hash, hex; null for the first", pattern = HEX64,
                    maxLength = 64, types = {"string", "null"}) String previousHash,
            @Schema(description = "SHA-256 over the range, the root and the previous hash (README, Proving the books), "
                    + "hex", pattern = HEX64, maxLength = 64) String hash,
            @Schema(description = "Ed25519 signature over the hash's 32 bytes, base64", maxLength = 100,
                    pattern = "^[A-Za-z0-9+/]+={0,2}$") String signature,
            @Schema(description = "When it was signed and stored; not covered by the signature") Instant signedAt) {
    }

    static CheckpointPageResponse of(int page, int size, long total, String publicKey, List<StoredCheckpoint> stored) {
        return new CheckpointPageResponse(page, size, total, publicKey, stored.stream()
                .map(one -> new CheckpointView(one.checkpoint().fromGlobalIndex(), one.checkpoint().toGlobalIndex(),
                        one.checkpoint().merkleRoot(), one.checkpoint().previousHash(), one.checkpoint().hash(),
                        one.checkpoint().signature(), one.signedAt()))
                .toList());
    }
}
