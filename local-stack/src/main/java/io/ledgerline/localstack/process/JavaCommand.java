package io.ledgerline.localstack.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds command lines that run a JVM of the same Java installation as the current one. */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /**
     * {@code java} with a small heap, serial GC and no hsperfdata file (which would otherwise
     * appear under /tmp), plus {@code java.io.tmpdir} inside the server's own directory.
     */
    public static List<String> java(String maxHeap, Path tmpDir) {
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.io.tmpdir=" + tmpDir);
        return command;
    }
}
