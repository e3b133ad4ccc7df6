package io.ledgerline.localstack;

import io.ledgerline.localstack.process.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The directory the servers keep binaries, data, logs and temporary files in. */
public final class WorkDirectory {

    private final Path root;
    private final boolean persistent;

    private WorkDirectory(Path root, boolean persistent) {
        this.root = root;
        this.persistent = persistent;
    }

    /** Kept on close and reused by the next start. */
    public static WorkDirectory persistent(Path root) {
        return new WorkDirectory(create(root.toAbsolutePath().normalize()), true);
    }

    /** A new random directory under {@code parent}, deleted on close. */
    public static WorkDirectory ephemeralUnder(Path parent) {
        Path root = parent.toAbsolutePath().normalize().resolve(UUID.randomUUID().toString().substring(0, 8));
        return new WorkDirectory(create(root), false);
    }

    public Path root() {
        return root;
    }

    public boolean isPersistent() {
        return persistent;
    }

    public Path serverDirectory(String server) {
        return create(root.resolve(server));
    }

    /** Deletes an ephemeral directory; a persistent one is kept. */
    public void release() {
        if (!persistent) {
            FileTrees.deleteRecursively(root);
        }
    }

    private static Path create(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
