package io.ledgerline.command.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs checkpoints. JDK 17 cannot derive the public key from the private
 * one, so both are configured: the private key as PKCS#8, the public key as X.509
 * SubjectPublicKeyInfo, each base64 (DER). A pair that does not belong together is refused at start,
 * not found out by the first verification.
 */
public final class CheckpointKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final byte[] PROBE = "ledgerline-checkpoint-key-probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static CheckpointKeys of(String privateKeyPkcs8Base64, String publicKeyX509Base64) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyPkcs8Base64.strip())));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyX509Base64.strip())));
            CheckpointKeys keys = new CheckpointKeys(privateKey, publicKey);
            if (!verify(publicKey, PROBE, keys.sign(PROBE))) {
                throw new IllegalArgumentException("The checkpoint public key does not belong to the private key");
            }
            return keys;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Checkpoint keys must be an Ed25519 PKCS#8 private key and its X.509 "
                    + "public key, base64: " + e.getMessage(), e);
        }
    }

    /** A fresh pair, for local runs and tests only: its checkpoints cannot be verified after a restart. */
    public static CheckpointKeys generated() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new CheckpointKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has Ed25519", e);
        }
    }

    /** @return the Ed25519 signature, base64 */
    public String sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing with a loaded Ed25519 key failed", e);
        }
    }

    public boolean verify(byte[] message, String signatureBase64) {
        return verify(publicKey, message, signatureBase64);
    }

    /** The public key as base64 X.509 SubjectPublicKeyInfo (DER), as auditors receive it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    public static boolean verify(PublicKey publicKey, byte[] message, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Verifying with a loaded Ed25519 key failed", e);
        }
    }
}
