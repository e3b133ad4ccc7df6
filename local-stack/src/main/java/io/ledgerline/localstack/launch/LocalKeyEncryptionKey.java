package io.ledgerline.localstack.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key-encryption key of a local data directory: a random AES-256 key, base64, in a file only
 * its owner reads. Created here, before the services start, because both need the same one (the
 * command side wraps customers' data keys with it, the query side unwraps them) and neither may
 * start without it. It lives beside the database it protects only because this is a local run.
 */
final class LocalKeyEncryptionKey {

    private LocalKeyEncryptionKey() {
    }

    static Path createIfMissing(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".kek", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException noPosix) {
                    // not a POSIX file system: the file keeps the directory's default permissions
                }
                Files.writeString(draft, Base64.getEncoder().encodeToString(kek) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException anotherLauncherWasFirst) {
                // its key is the one every service of this directory uses
            } finally {
                Files.deleteIfExists(draft);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The local key-encryption key " + file + " cannot be created", e);
        }
    }
}
