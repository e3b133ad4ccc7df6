package io.ledgerline.command.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain hash of a stored event: SHA-256 over a canonical encoding (version 1), documented in
 * the README ("Proving the books"), that a verifier in any language can rebuild from the row.
 *
 * <p>Every field is length-prefixed, so that no two different events encode alike (an aggregate id
 * ending where a type begins could otherwise be shifted across the boundary).
 */
public final class EventHash {

    static final String DOMAIN = "ledgerline-event-chain-v1";
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DOMAIN_FIELD = ByteBuffer.allocate(Integer.BYTES + DOMAIN.length())
            .putInt(DOMAIN.length()).put(DOMAIN.getBytes(StandardCharsets.UTF_8)).array();
    /** Cloned for each hash: much cheaper than looking the algorithm up among the security providers each time. */
    private static final MessageDigest PROTOTYPE = newSha256();

    private EventHash() {
    }

    /** @param previousHash the aggregate's previous event's hash, {@link ChainMetadata#GENESIS} for sequence 0 */
    public static String of(String previousHash, ChainedEvent event) {
        MessageDigest digest = sha256();
        digest.update(DOMAIN_FIELD);
        bytes(digest, HEX.parseHex(previousHash));
        text(digest, event.aggregateType());
        text(digest, event.aggregateId());
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequence()).array());
        text(digest, event.eventId());
        text(digest, event.timestamp());
        text(digest, event.payloadType());
        text(digest, event.payloadRevision());
        bytes(digest, event.payload());
        Map<String, String> metadata = new TreeMap<>(event.businessMetadata());
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(metadata.size()).array());
        metadata.forEach((key, value) -> {
            text(digest, key);
            text(digest, value);
        });
        return HEX.formatHex(digest.digest());
    }

    /** Absent text (no aggregate type, no revision) is length -1, distinct from empty text. */
    private static void text(MessageDigest digest, String text) {
        bytes(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
