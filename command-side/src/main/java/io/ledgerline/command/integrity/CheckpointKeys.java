package io.ledgerline.command.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.List;

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

    /**
     * The pair configured in {@code ledgerline.integrity.checkpoint.*}: from the key file (created when
     * missing if asked, for local runs and tests), else from the two values.
     *
     * @throws IllegalStateException    when no pair is configured or the file cannot be read
     * @throws IllegalArgumentException when the keys are no Ed25519 pair
     */
    public static CheckpointKeys from(CheckpointProperties properties) {
        if (hasText(properties.keyFile())) {
            Path file = Path.of(properties.keyFile());
            List<String> lines = properties.createKeyFile() ? readOrCreate(file) : read(file);
            return of(lines.get(0), lines.get(1));
        }
        if (hasText(properties.privateKey()) && hasText(properties.publicKey())) {
            return of(properties.privateKey(), properties.publicKey());
        }
        if (hasText(properties.privateKey()) || hasText(properties.publicKey())) {
            throw new IllegalStateException("Give both ledgerline.integrity.checkpoint.private-key and "
                    + "ledgerline.integrity.checkpoint.public-key, or neither");
        }
        throw new IllegalStateException("No key signs checkpoints. Set ledgerline.integrity.checkpoint.key-file to a "
                + "file holding a base64 Ed25519 PKCS#8 private key on its first line and its base64 X.509 public key on "
                + "its second, or put them in LEDGERLINE_INTEGRITY_CHECKPOINT_PRIVATEKEY and "
                + "LEDGERLINE_INTEGRITY_CHECKPOINT_PUBLICKEY (create a pair with: openssl genpkey -algorithm ed25519 "
                + "-outform DER | base64 -w0, and openssl pkey -inform DER -pubout -outform DER | base64 -w0), "
                + "or switch checkpoints off with ledgerline.integrity.checkpoint.enabled=false");
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

    public CheckpointPublicKey publicKey() {
        return new CheckpointPublicKey(publicKey);
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

    private static List<String> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.size() != 2) {
                throw new IllegalStateException("The checkpoint key file " + file + " must hold two lines, the base64 "
                        + "PKCS#8 private key and the base64 X.509 public key, not " + lines.size());
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("The checkpoint key file " + file + " cannot be read", e);
        }
    }

    /** A new file is linked into place in one step, so that nodes starting together sign with one pair. */
    private static List<String> readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            CheckpointKeys pair = generated();
            Path draft = Files.createTempFile(directory, ".checkpoint-key", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException noPosix) {
                    // not a POSIX file system: the file keeps the directory's default permissions
                }
                Files.writeString(draft, pair.privateKeyBase64() + "\n" + pair.publicKeyBase64() + "\n",
                        StandardCharsets.US_ASCII);
                Files.createLink(file, draft);
                return List.of(pair.privateKeyBase64(), pair.publicKeyBase64());
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return read(file);
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoint key file " + file + " cannot be created", e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
