package io.ledgerline.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process, its output appended to a log file.
 *
 * <p>Servers such as Elasticsearch fork further JVMs, so stopping kills the whole process tree:
 * the descendants are listed before the root is signalled, because once the root is gone its
 * orphans are re-parented and no longer show up as its descendants.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final PidFiles pidFiles;

    private ChildProcess(String name, Process process, Path logFile, PidFiles pidFiles) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFiles = pidFiles;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile) {
        return start(name, command, environment, workingDirectory, logFile, PidFiles.none());
    }

    /**
     * Starts {@code command} in {@code workingDirectory}. Where {@code setsid} exists the child gets
     * its own session, so a Ctrl-C in the terminal reaches only our JVM, which then stops the
     * servers in order instead of all of them dying at once; and the session's process group holds the
     * server's own children, so that they can be stopped with it should this JVM die first.
     *
     * @param pidFiles where the pid is recorded the moment the process exists, until it has stopped
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile, PidFiles pidFiles) {
        List<String> fullCommand = new ArrayList<>();
        if (Executables.onPath("setsid")) {
            fullCommand.add("setsid");
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = builder.start();
            pidFiles.record(name, process.pid());
            return new ChildProcess(name, process, logFile, pidFiles);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + " with " + fullCommand, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits for a short-lived command and fails with its output if it did not succeed. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + logTailSection());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + logTailSection());
        }
    }

    /** The last lines of the log, for error messages that explain why a server did not come up. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log " + logFile + " not readable: " + e.getMessage() + ")";
        }
    }

    public String logTailSection() {
        return System.lineSeparator() + "--- last lines of " + logFile + " ---" + System.lineSeparator() + logTail(40);
    }

    public boolean logContains(String text) {
        return logContains(text, 0);
    }

    /** Whether the log holds {@code text} after its first {@code fromByte} bytes: a restart appends to an old log. */
    public boolean logContains(String text, long fromByte) {
        try {
            return Files.exists(logFile)
                    && Files.readString(logFile, StandardCharsets.ISO_8859_1).indexOf(text, (int) Math.min(fromByte, Integer.MAX_VALUE)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The current size of a log file, 0 when there is none yet. */
    public static long sizeOf(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** SIGKILL to the whole tree at once, as a crashing machine would stop it: no shutdown hooks run. */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> awaitExit(handle, FORCED_STOP));
        pidFiles.forget(name);
    }

    /** SIGTERM to the root, a grace period, then SIGTERM and finally SIGKILL to every survivor of the tree. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        process.destroy();
        awaitExit(process.toHandle(), GRACEFUL_STOP);
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroy();
                if (!awaitExit(handle, FORCED_STOP)) {
                    handle.destroyForcibly();
                    awaitExit(handle, FORCED_STOP);
                }
            }
        }
        pidFiles.forget(name);
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }
}
