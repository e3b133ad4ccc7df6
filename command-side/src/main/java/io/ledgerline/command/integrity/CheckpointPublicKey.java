package io.ledgerline.command.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The half of the checkpoint key that checks signatures: all an auditor needs, and all the
 * command-line verification is given.
 */
public final class CheckpointPublicKey {

    private final PublicKey key;

    CheckpointPublicKey(PublicKey key) {
        this.key = key;
    }

    /** @param x509Base64 an Ed25519 public key as base64 X.509 SubjectPublicKeyInfo (DER) */
    public static CheckpointPublicKey of(String x509Base64) {
        try {
            return new CheckpointPublicKey(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("A checkpoint public key is an Ed25519 key as base64 X.509: "
                    + e.getMessage(), e);
        }
    }

    public boolean verify(byte[] message, String signatureBase64) {
        return CheckpointKeys.verify(key, message, signatureBase64);
    }

    /** Base64 X.509 SubjectPublicKeyInfo (DER). */
    public String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
