package io.ledgerline.command.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement over the event hashes of a contiguous global index range: their Merkle root,
 * linked to the previous checkpoint by its hash. Recomputing every chain hash of the range (an
 * insider's consistent forgery) or deleting an aggregate's last events changes the root, and a new
 * root cannot be signed without the key, which is not in the database.
 *
 * @param previousHash the previous checkpoint's hash, or null for the first checkpoint
 * @param hash         SHA-256 over the canonical encoding of the fields above it ({@link #hashOf})
 * @param signature    Ed25519 over the hash bytes, base64
 */
public record Checkpoint(long fromGlobalIndex, long toGlobalIndex, String merkleRoot, String previousHash,
                         String hash, String signature) {

    private static final HexFormat HEX = HexFormat.of();

    public Checkpoint {
        if (fromGlobalIndex > toGlobalIndex) {
            throw new IllegalArgumentException("A checkpoint covers at least one event, not "
                    + fromGlobalIndex + ".." + toGlobalIndex);
        }
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(signature, "signature");
    }

    /** Computes the hash of a new checkpoint and signs it. */
    public static Checkpoint sign(long fromGlobalIndex, long toGlobalIndex, String merkleRoot, String previousHash,
                                  CheckpointKeys keys) {
        String hash = hashOf(fromGlobalIndex, toGlobalIndex, merkleRoot, previousHash);
        return new Checkpoint(fromGlobalIndex, toGlobalIndex, merkleRoot, previousHash, hash,
                keys.sign(HEX.parseHex(hash)));
    }

    /**
     * SHA-256 over: the tag {@code ledgerline-checkpoint-v1}, the range bounds (8 bytes big-endian
     * each), the Merkle root (32 bytes) and the previous hash (32 bytes, or 32 zero bytes for the
     * first checkpoint). Fixed widths make the encoding unambiguous without separators.
     */
    public static String hashOf(long fromGlobalIndex, long toGlobalIndex, String merkleRoot, String previousHash) {
        byte[] tag = "ledgerline-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(tag.length + 16 + 64)
                .put(tag)
                .putLong(fromGlobalIndex)
                .putLong(toGlobalIndex)
                .put(HEX.parseHex(merkleRoot))
                .put(previousHash == null ? new byte[32] : HEX.parseHex(previousHash));
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
