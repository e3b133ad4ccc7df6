package io.ledgerline.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One pid file per server in {@code <data directory>/pids}, written as soon as the server's process exists and
 * removed once it has stopped, so that whatever a killed launcher left running can be found and stopped: by the
 * {@link Watchdog} of that launcher, or by the next launcher before it starts. PostgreSQL needs none of its own:
 * its {@code postmaster.pid} serves. Stopping runs {@code stop-leftovers.sh} with bash and reads {@code /proc},
 * so it works on Linux; elsewhere ({@link #none()}, or without bash) nothing is recorded or stopped.
 */
public final class PidFiles {

    private static final String SCRIPT = "stop-leftovers.sh";
    private static final PidFiles NONE = new PidFiles(null);

    private final Path directory;

    private PidFiles(Path directory) {
        this.directory = directory;
    }

    /** Pid files of the servers started from {@code dataDirectory}. */
    public static PidFiles in(Path dataDirectory) {
        return new PidFiles(dataDirectory.toAbsolutePath().normalize().resolve("pids"));
    }

    /** For servers whose lifetime nothing outside this JVM needs to know about. */
    public static PidFiles none() {
        return NONE;
    }

    private boolean enabled() {
        return directory != null && Files.isDirectory(Path.of("/proc/self")) && Executables.onPath("bash");
    }

    private Path dataDirectory() {
        return directory.getParent();
    }

    public void record(String server, long pid) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(file(server), pid + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the pid file of " + server, e);
        }
    }

    /** After the server has stopped: nothing is left to stop. */
    public void forget(String server) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(file(server));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the pid file of " + server, e);
        }
    }

    private Path file(String server) {
        return directory.resolve(server.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + ".pid");
    }

    /**
     * Stops what a launcher that died left running from this data directory: SIGTERM (PostgreSQL: SIGINT, its
     * fast shutdown), SIGKILL after {@code grace}. Processes whose command line does not name the data
     * directory are strangers that got a recycled pid: they are left alone.
     */
    public void stopLeftovers(Duration grace, Consumer<String> progress) {
        if (!enabled()) {
            return;
        }
        try {
            Process stopping = new ProcessBuilder(command("stop", grace)).redirectErrorStream(true).start();
            stopping.getOutputStream().close();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(stopping.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(progress);
            }
            stopping.waitFor(grace.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the leftovers in " + dataDirectory(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftovers in " + dataDirectory(), e);
        }
    }

    /**
     * A watchdog for the servers this JVM starts from the data directory: it stops them, should this JVM die
     * without stopping them itself. {@link Watchdog#close()} when they are stopped.
     */
    public Watchdog startWatchdog(Duration grace) {
        if (!enabled()) {
            return Watchdog.NONE;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        // a session of its own: a Ctrl-C in the terminal must not end it together with the launcher
        if (Executables.onPath("setsid")) {
            command.add("setsid");
        }
        command.addAll(command("watch", grace));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("watchdog.log").toFile()))
                // the pipe: nothing is ever written to it; its end closes when this JVM is gone, however it died
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            return new Watchdog(builder.start(), grace);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the watchdog for " + dataDirectory(), e);
        }
    }

    private List<String> command(String mode, Duration grace) {
        return List.of("bash", "-c", script(), "ledgerline-stop-leftovers", mode, dataDirectory().toString(),
                String.valueOf(Math.max(1, grace.toSeconds())));
    }

    private static String script() {
        try (InputStream in = PidFiles.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
