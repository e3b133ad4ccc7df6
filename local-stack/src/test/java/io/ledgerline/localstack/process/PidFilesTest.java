package io.ledgerline.localstack.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pid files of a data directory and what a new launcher, or the watchdog of a dead one, does with them (Linux). */
class PidFilesTest {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path dataDirectory;

    private final List<Process> started = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @AfterEach
    void killWhatTheTestStarted() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Nested
    class StoppingLeftovers {

        @Test
        void stopsAProcessStartedFromTheDataDirectoryAndForgetsItsPidFile() throws IOException {
            Process leftover = start(dataDirectory.resolve("services/command-side.jar").toString(), "sleep 300 & wait");
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            pidFiles.record("command-side", leftover.pid());

            pidFiles.stopLeftovers(GRACE, messages::add);

            assertThat(leftover.isAlive()).isFalse();
            assertThat(pidFile("command-side")).doesNotExist();
            assertThat(messages).anySatisfy(message -> assertThat(message)
                    .contains("command-side").contains(String.valueOf(leftover.pid())));
        }

        @Test
        void stopsTheChildrenOfALeftoverToo() throws IOException {
            Process leftover = start(dataDirectory.resolve("elasticsearch/bin").toString(), "sleep 300 & wait");
            await().atMost(Duration.ofSeconds(5)).until(() -> leftover.descendants().findAny().isPresent());
            ProcessHandle child = leftover.descendants().findFirst().orElseThrow();
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            pidFiles.record("elasticsearch", leftover.pid());

            pidFiles.stopLeftovers(GRACE, messages::add);

            await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
            assertThat(leftover.isAlive()).isFalse();
        }

        @Test
        void killsALeftoverThatIgnoresTermOnceTheGracePeriodIsOver() throws IOException {
            Process stubborn = start(dataDirectory.resolve("kafka/server.properties").toString(), "trap '' TERM; sleep 300 & wait");
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            pidFiles.record("kafka-broker", stubborn.pid());

            pidFiles.stopLeftovers(GRACE, messages::add);

            assertThat(stubborn.isAlive()).isFalse();
            assertThat(messages).anySatisfy(message -> assertThat(message).contains("kafka-broker").contains("SIGKILL"));
        }

        @Test
        void leavesAProcessThatWasNotStartedFromTheDataDirectoryAlone() throws IOException {
            Process stranger = start("/opt/somebody-else/server", "sleep 300 & wait");
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            pidFiles.record("query-side", stranger.pid());

            pidFiles.stopLeftovers(GRACE, messages::add);

            assertThat(stranger.isAlive()).isTrue();
            assertThat(pidFile("query-side")).doesNotExist();
            assertThat(messages).anySatisfy(message -> assertThat(message)
                    .contains(String.valueOf(stranger.pid())).contains("left alone"));
        }

        @Test
        void forgetsAPidFileWhoseProcessIsGone() throws Exception {
            Process gone = start(dataDirectory.resolve("zipkin/tmp").toString(), "true");
            gone.waitFor();
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            pidFiles.record("zipkin", gone.pid());

            pidFiles.stopLeftovers(GRACE, messages::add);

            assertThat(pidFile("zipkin")).doesNotExist();
        }

        @Test
        void stopsPostgresqlLeftRunningWithAFastShutdown() throws IOException {
            // SIGINT is PostgreSQL's fast shutdown; the stand-in exits on it and would survive a TERM
            Process postmaster = start(dataDirectory.resolve("postgres/data").toString(),
                    "trap 'exit 0' INT; trap '' TERM; while :; do sleep 1; done");
            Files.createDirectories(dataDirectory.resolve("postgres/data"));
            Files.writeString(dataDirectory.resolve("postgres/data/postmaster.pid"), postmaster.pid() + "\n"
                    + dataDirectory.resolve("postgres/data") + "\n");

            PidFiles.in(dataDirectory).stopLeftovers(Duration.ofSeconds(20), messages::add);

            assertThat(postmaster.isAlive()).isFalse();
            assertThat(messages).anySatisfy(message -> assertThat(message).contains("PostgreSQL"))
                    .noneSatisfy(message -> assertThat(message).contains("SIGKILL"));
        }

        @Test
        void hasNothingToDoInADataDirectoryWithoutPidFiles() {
            PidFiles.in(dataDirectory).stopLeftovers(GRACE, messages::add);

            assertThat(messages).isEmpty();
        }
    }

    @Nested
    class WatchingTheLauncher {

        @Test
        void stopsWhatTheLauncherStartedOnceItsPipeFromTheLauncherCloses() throws IOException {
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            Watchdog watchdog = pidFiles.startWatchdog(GRACE);
            Process service = start(dataDirectory.resolve("services/query-side.jar").toString(), "sleep 300 & wait");
            pidFiles.record("query-side", service.pid());

            // a dead launcher closes the pipe the same way: the kernel closes its end, however the JVM died
            watchdog.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive() && !Files.exists(pidFile("query-side")));
        }

        @Test
        void leavesEverythingRunningWhileTheLauncherLives() throws IOException {
            PidFiles pidFiles = PidFiles.in(dataDirectory);
            try (Watchdog watchdog = pidFiles.startWatchdog(GRACE)) {
                Process service = start(dataDirectory.resolve("services/query-side.jar").toString(), "sleep 300 & wait");
                pidFiles.record("query-side", service.pid());

                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(service::isAlive);
                assertThat(watchdog.isAlive()).isTrue();
                pidFiles.forget("query-side");
            }
        }
    }

    /**
     * bash running {@code script} in its own session, as ChildProcess starts servers; {@code marker} is its last
     * argument, so it shows on the process's command line as a server's paths do.
     */
    private Process start(String marker, String script) throws IOException {
        Process process = new ProcessBuilder("setsid", "bash", "-c", script, "test-process", marker)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    private Path pidFile(String name) {
        return dataDirectory.resolve("pids").resolve(name + ".pid");
    }
}
