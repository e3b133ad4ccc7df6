package io.ledgerline.support.personaldata;

/**
 * The key-encryption keys (KEKs) that customers' data keys are stored under. They are kept out of
 * the database on purpose: a copy of the key table, a backup or a read-only role's view of it opens
 * nothing without them. This implementation holds them in memory from a file or a variable; a KMS
 * can implement the same three operations.
 */
public interface KeyEncryptionKeys {

    /** Wraps under the current KEK. */
    WrappedKey wrap(byte[] dataKey);

    /** @throws KeyEncryptionKeyMissing when the KEK the key was wrapped under is not held, or the key was changed */
    byte[] unwrap(WrappedKey wrapped);

    /** The id stored beside every key wrapped by {@link #wrap}. */
    String currentKekId();
}
