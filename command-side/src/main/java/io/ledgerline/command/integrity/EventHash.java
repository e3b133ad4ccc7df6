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
 *
 * <p>An instance keeps one digest and hashes the stored bytes of a row as they are, for the
 * verification of a million rows; {@link #of} is the same encoding for one event.
 */
public final class EventHash {

    static final String DOMAIN = "ledgerline-event-chain-v1";
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DOMAIN_FIELD = ByteBuffer.allocate(Integer.BYTES + DOMAIN.length())
            .putInt(DOMAIN.length()).put(DOMAIN.getBytes(StandardCharsets.UTF_8)).array();
    /** Cloned for each instance: much cheaper than looking the algorithm up among the security providers each time. */
    private static final MessageDigest PROTOTYPE = newSha256();

    private final MessageDigest digest = sha256();

    EventHash() {
    }

    /** @param previousHash the aggregate's previous event's hash, {@link ChainMetadata#GENESIS} for sequence 0 */
    public static String of(String previousHash, ChainedEvent event) {
        EventHash hash = new EventHash();
        Map<String, String> metadata = new TreeMap<>(event.businessMetadata());
        String[] keys = metadata.keySet().toArray(String[]::new);
        String[] values = metadata.values().toArray(String[]::new);
        return HEX.formatHex(hash.of(HEX.parseHex(previousHash), utf8(event.aggregateType()), utf8(event.aggregateId()),
                event.sequence(), utf8(event.eventId()), utf8(event.timestamp()), utf8(event.payloadType()),
                utf8(event.payloadRevision()), event.payload(), keys, values));
    }

    /**
     * The hash of one event from its fields' stored bytes (text as UTF-8, null when absent).
     *
     * @param businessKeys   the business metadata keys present, in their natural order
     * @param businessValues their values, in the same order
     */
    byte[] of(byte[] previousHash, byte[] aggregateType, byte[] aggregateId, long sequence, byte[] eventId,
            byte[] timestamp, byte[] payloadType, byte[] payloadRevision, byte[] payload, String[] businessKeys,
            String[] businessValues) {
        // digest() leaves the digest reset for the next event
        digest.update(DOMAIN_FIELD);
        bytes(previousHash);
        bytes(aggregateType);
        bytes(aggregateId);
        length((int) (sequence >>> 32));
        length((int) sequence);
        bytes(eventId);
        bytes(timestamp);
        bytes(payloadType);
        bytes(payloadRevision);
        bytes(payload);
        length(businessKeys.length);
        for (int i = 0; i < businessKeys.length; i++) {
            bytes(utf8(businessKeys[i]));
            bytes(utf8(businessValues[i]));
        }
        return digest.digest();
    }

    /** Absent text (no aggregate type, no revision) is length -1, distinct from empty text. */
    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private void bytes(byte[] bytes) {
        length(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    private void length(int length) {
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
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
