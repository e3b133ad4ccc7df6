package io.ledgerline.bench;

import io.ledgerline.localstack.process.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Empties the data directory before a run, except PostgreSQL's unpacked binaries: every run starts
 * from empty servers without unpacking the same binaries again.
 */
final class FreshData {

    private static final Path KEPT = Path.of("postgres", "binaries");

    private FreshData() {
    }

    static void prepare(Path dataDirectory) {
        deleteAllBut(dataDirectory, dataDirectory.resolve(KEPT));
    }

    private static void deleteAllBut(Path directory, Path kept) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        for (Path child : children(directory)) {
            if (child.equals(kept)) {
                continue;
            }
            if (kept.startsWith(child) && Files.isDirectory(child)) {
                deleteAllBut(child, kept);
            } else {
                FileTrees.deleteRecursively(child);
            }
        }
    }

    private static List<Path> children(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }
}
