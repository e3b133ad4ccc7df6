package io.ledgerline.localstack.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks up optional system tools (setsid, unshare, runuser) without running a shell. */
public final class Executables {

    private Executables() {
    }

    public static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", name)) || Files.isExecutable(Path.of("/sbin", name));
    }
}
