package io.ledgerline.support.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * KEKs held by the service itself, wrapping with AES key wrap (RFC 3394, {@code AESWrap}): its
 * integrity check refuses a wrapped key that was changed or belongs to another KEK. A KEK's id is a
 * fingerprint of it, so the id beside a wrapped key names the KEK without revealing it and nobody
 * has to keep ids and keys in step.
 */
public final class AesKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final int KEK_BYTES = 32;
    private static final String WRAP = "AESWrap";

    private final String currentKekId;
    private final Map<String, SecretKey> keks;

    private AesKeyEncryptionKeys(String currentKekId, Map<String, SecretKey> keks) {
        this.currentKekId = currentKekId;
        this.keks = keks;
    }

    public static AesKeyEncryptionKeys of(byte[] current, List<byte[]> previous) {
        Map<String, SecretKey> keks = new LinkedHashMap<>();
        String currentId = add(keks, current);
        previous.forEach(kek -> add(keks, kek));
        return new AesKeyEncryptionKeys(currentId, Map.copyOf(keks));
    }

    /** @throws IllegalStateException when no KEK is configured or a configured file cannot be read */
    public static AesKeyEncryptionKeys from(KeyEncryptionKeyProperties properties) {
        byte[] current;
        if (hasText(properties.file())) {
            Path file = Path.of(properties.file());
            current = properties.createFile() ? readOrCreate(file) : read(file);
        } else if (hasText(properties.key())) {
            current = decode(properties.key(), "ledgerline.personal-data.kek.key");
        } else {
            throw new IllegalStateException("No key-encryption key for personal data is configured. Set "
                    + "ledgerline.personal-data.kek.file to a file holding a base64 AES-256 key, or put the key in the "
                    + "environment variable LEDGERLINE_PERSONALDATA_KEK_KEY (create one with: "
                    + "head -c 32 /dev/urandom | base64). Both services need the same key.");
        }
        List<byte[]> previous = new ArrayList<>();
        properties.previousFiles().forEach(file -> previous.add(read(Path.of(file))));
        properties.previousKeys().forEach(key -> previous.add(decode(key, "ledgerline.personal-data.kek.previous-keys")));
        return of(current, previous);
    }

    @Override
    public WrappedKey wrap(byte[] dataKey) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, keks.get(currentKekId));
            return new WrappedKey(currentKekId, cipher.wrap(new SecretKeySpec(dataKey, "AES")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is not available", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped) {
        SecretKey kek = keks.get(wrapped.kekId());
        if (kek == null) {
            throw new KeyEncryptionKeyMissing(wrapped.kekId(), null);
        }
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.UNWRAP_MODE, kek);
            Key dataKey = cipher.unwrap(wrapped.bytes(), "AES", Cipher.SECRET_KEY);
            return dataKey.getEncoded();
        } catch (GeneralSecurityException failedIntegrityCheck) {
            throw new KeyEncryptionKeyMissing(wrapped.kekId(), failedIntegrityCheck);
        }
    }

    @Override
    public String currentKekId() {
        return currentKekId;
    }

    private static String add(Map<String, SecretKey> keks, byte[] kek) {
        if (kek.length != KEK_BYTES) {
            throw new IllegalArgumentException("A key-encryption key is an AES-256 key of 32 bytes, not " + kek.length);
        }
        String id = fingerprint(kek);
        keks.putIfAbsent(id, new SecretKeySpec(kek, "AES"));
        return id;
    }

    private static String fingerprint(byte[] kek) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("ledgerline personal-data KEK id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(kek), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("The key-encryption key file " + file + " cannot be read", e);
        }
    }

    /** A new file is linked into place in one step, so services starting together agree on one KEK. */
    private static byte[] readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            byte[] kek = new byte[KEK_BYTES];
            new SecureRandom().nextBytes(kek);
            Path draft = Files.createTempFile(directory, ".kek", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException noPosix) {
                    // not a POSIX file system: the file keeps the directory's default permissions
                }
                Files.writeString(draft, Base64.getEncoder().encodeToString(kek) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, draft);
                return kek;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return read(file);
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The key-encryption key file " + file + " cannot be created", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key-encryption key in " + source + " is not base64", e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
