package io.ledgerline.support.security.devtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key pair development tokens are signed with, kept as a JWK in a file that both services
 * and the tests share: the command side signs with it, each service verifies with its public half.
 * The first to start creates it; a new file is linked into place in one step, so services starting
 * together agree on one key instead of each overwriting the other's.
 */
public final class DevSigningKey {

    private static final int KEY_SIZE = 2048;

    private DevSigningKey() {
    }

    public static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            RSAKey created = new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString()).generate();
            Path draft = Files.createTempFile(directory, ".dev-token-key", ".tmp");
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException noPosix) {
                // not a POSIX file system: the file keeps the directory's default permissions
            }
            try {
                Files.writeString(draft, created.toJSONString(), StandardCharsets.UTF_8);
                Files.createLink(file, draft);
                return created;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return read(file);
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The development token key " + file + " cannot be read or created", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("An RSA key for development tokens cannot be generated", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException("The development token key " + file + " holds no private key");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("The development token key " + file + " is not an RSA JWK", e);
        }
    }
}
