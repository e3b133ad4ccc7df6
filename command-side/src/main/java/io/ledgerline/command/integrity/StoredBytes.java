package io.ledgerline.command.integrity;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@link StoredEventRow#COLUMNS} as the driver received it: text columns as their UTF-8
 * bytes, exactly what the hash covers, so that nothing is decoded into text and encoded back.
 */
record StoredBytes(long globalIndex, String aggregateId, long sequence, byte[] type, byte[] aggregateIdBytes,
        byte[] eventId, byte[] timestamp, byte[] payloadType, byte[] payloadRevision, byte[] payload,
        byte[] metadata) {

    /** The link a row gives: its stored hashes, and the hash its content gives (null when none can be computed). */
    record Hashed(long globalIndex, String aggregateId, long sequence, String hash, String previousHash,
            byte[] contentHash) {
    }

    /** Reads the current row of a select of {@link StoredEventRow#COLUMNS}, in that order. */
    static StoredBytes read(ResultSet row) throws SQLException {
        return new StoredBytes(row.getLong(1), row.getString(3), row.getLong(4), row.getBytes(2), row.getBytes(3),
                row.getBytes(5), row.getBytes(6), row.getBytes(7), row.getBytes(8), row.getBytes(9), row.getBytes(10));
    }

    /** Hashes the row's content with the previous hash it claims, when it claims a hash and a hex previous one. */
    Hashed hash(EventHash hasher) {
        StoredMetadata stored = StoredMetadata.read(metadata);
        byte[] content = null;
        long[] previous = new long[4];
        if (stored.hash() != null && stored.previousHash() != null && Sha256Hex.parse(stored.previousHash(), previous, 0)) {
            ByteBuffer previousHash = ByteBuffer.allocate(32);
            for (long word : previous) {
                previousHash.putLong(word);
            }
            content = hasher.of(previousHash.array(), type, aggregateIdBytes, sequence, eventId, timestamp, payloadType,
                    payloadRevision, payload, stored.businessKeys(), stored.businessValues());
        }
        return new Hashed(globalIndex, aggregateId, sequence, stored.hash(), stored.previousHash(), content);
    }
}
