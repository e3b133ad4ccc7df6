package io.ledgerline.support.personaldata;

/**
 * A stored data key that none of the configured KEKs opens: its KEK was retired too early or never
 * configured on this service, or the stored bytes were changed. Unlike a deleted key this is no
 * erasure, so readers must not show the mask for it.
 */
public class KeyEncryptionKeyMissing extends RuntimeException {

    public KeyEncryptionKeyMissing(String kekId, Throwable cause) {
        super("A data key is wrapped under the key-encryption key " + kekId + ", which this service does not hold "
                + "(configure it as ledgerline.personal-data.kek.previous-files/-keys until the keys are re-wrapped), "
                + "or the wrapped key was changed", cause);
    }
}
