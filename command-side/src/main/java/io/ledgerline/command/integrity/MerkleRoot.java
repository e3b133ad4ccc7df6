package io.ledgerline.command.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle root of a checkpoint's event hashes, in global index order, as RFC 6962 (Certificate
 * Transparency) defines it: a leaf is SHA-256(0x00 || hash bytes), a node SHA-256(0x01 || left ||
 * right), the tree split at the largest power of two below the count. The prefixes keep a leaf from
 * passing for a node; the split gives every event an inclusion proof of log2(n) hashes.
 */
public final class MerkleRoot {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleRoot() {
    }

    /** @param eventHashes lowercase hex SHA-256 hashes; the root of none is SHA-256 of nothing */
    public static String of(List<String> eventHashes) {
        // one digest for the whole tree: looking SHA-256 up among the providers twice per event cost more than hashing
        MessageDigest digest = sha256();
        List<byte[]> leaves = new ArrayList<>(eventHashes.size());
        for (String hash : eventHashes) {
            leaves.add(digest(digest, (byte) 0, HEX.parseHex(hash), null));
        }
        return HEX.formatHex(leaves.isEmpty() ? digest(digest, null, null, null) : root(digest, leaves, 0, leaves.size()));
    }

    private static byte[] root(MessageDigest digest, List<byte[]> leaves, int from, int to) {
        int count = to - from;
        if (count == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(count - 1);
        return digest(digest, (byte) 1, root(digest, leaves, from, from + split), root(digest, leaves, from + split, to));
    }

    private static byte[] digest(MessageDigest digest, Byte prefix, byte[] first, byte[] second) {
        digest.reset();
        if (prefix != null) {
            digest.update(prefix);
        }
        if (first != null) {
            digest.update(first);
        }
        if (second != null) {
            digest.update(second);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
