package io.ledgerline.events.asyncapi;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where shared-events and the contract live, whether run by Maven (basedir) or from the checkout's root. */
final class ModulePaths {

    private ModulePaths() {
    }

    static Path module() {
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            return Path.of(basedir);
        }
        Path fromRoot = Path.of("shared-events");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of(".");
    }

    static Path mainSources() {
        return module().resolve("src/main/java");
    }

    static Path document() {
        return module().toAbsolutePath().resolve("../docs/api/ledger-events.asyncapi.yaml").normalize();
    }
}
