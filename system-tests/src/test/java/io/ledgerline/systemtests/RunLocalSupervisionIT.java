package io.ledgerline.systemtests;

import io.ledgerline.localstack.process.FileTrees;
import io.ledgerline.localstack.process.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ./run-local killed the ways a user or a service manager kills it: with SIGKILL, and with SIGKILL while it is in
 * its orderly shutdown. Neither leaves a process of its data directory behind (PostgreSQL, Kafka, Elasticsearch,
 * both services, the gateway), and the next start on the same data directory and ports succeeds. Linux, like the watchdog.
 *
 * <p>Every start boots the whole system, which takes minutes on a busy machine: the second start of the first
 * test is the launcher the second test shuts down, so the class starts the system twice, not three times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLocalSupervisionIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    /** The watchdog's grace period (10 s) between SIGTERM and SIGKILL, and some seconds to notice the end. */
    private static final Duration NOTHING_LEFT_WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static Path workArea;
    private static Path dataDirectory;
    private static List<String> ports;
    private static int commandPort;
    private static int queryPort;
    private static int gatewayPort;
    private static List<Integer> allPorts;

    private static Process launcher;
    private static Path launcherLog;
    private static int starts;

    @BeforeAll
    static void chooseDataDirectoryAndPorts() throws IOException {
        workArea = Files.createDirectories(CHECKOUT.resolve("system-tests/target/run-local-supervision-"
                + UUID.randomUUID().toString().substring(0, 8)));
        dataDirectory = workArea.resolve("data");
        int postgres = Ports.freePort();
        int kafka = freePortWithFreeNeighbour();
        int elasticsearch = freePortWithFreeNeighbour();
        commandPort = Ports.freePort();
        queryPort = Ports.freePort();
        gatewayPort = Ports.freePort();
        allPorts = List.of(postgres, kafka, kafka + 1, elasticsearch, elasticsearch + 1, commandPort, queryPort, gatewayPort);
        ports = List.of("--pg-port", String.valueOf(postgres), "--kafka-port", String.valueOf(kafka),
                "--es-port", String.valueOf(elasticsearch), "--command-port", String.valueOf(commandPort),
                "--query-port", String.valueOf(queryPort), "--gateway-port", String.valueOf(gatewayPort));
    }

    @AfterAll
    static void stopWhateverRunsAndDeleteTheData() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            await("the launcher's orderly shutdown").atMost(Duration.ofMinutes(3)).until(() -> !launcher.isAlive());
        }
        if (dataDirectory != null) {
            await("no process of " + dataDirectory).atMost(NOTHING_LEFT_WITHIN).until(() -> processesOf(dataDirectory).isEmpty());
            FileTrees.deleteRecursively(workArea);
        }
    }

    @Test
    @Order(1)
    void aLauncherKilledWithSigkillLeavesNothingRunningAndTheNextStartSucceeds() throws Exception {
        startTheLauncher();

        long killed = System.nanoTime();
        launcher.destroyForcibly();
        launcher.waitFor();

        awaitNothingLeft();
        System.out.printf("[supervision] nothing of %s left %.1f s after SIGKILL to the launcher%n", dataDirectory,
                (System.nanoTime() - killed) / 1e9);

        startTheLauncher();
        assertThat(Files.readString(launcherLog, StandardCharsets.UTF_8)).doesNotContain("already in use");
    }

    @Test
    @Order(2)
    void aLauncherKilledDuringItsOrderlyShutdownLeavesNothingRunning() throws Exception {
        if (launcher == null || !launcher.isAlive()) {
            startTheLauncher();
        }

        launcher.destroy();
        // a service manager's stop timeout: SIGKILL follows while the launcher is still stopping its services
        await("the launcher stopping its services").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readString(launcherLog, StandardCharsets.UTF_8).contains("Stopping query-side"));
        List<String> servers = serversOf(dataDirectory);
        assertThat(launcher.isAlive()).as("the launcher still in its orderly shutdown").isTrue();
        long killed = System.nanoTime();
        launcher.destroyForcibly();
        launcher.waitFor();
        // taken while the launcher was alive: after its death the watchdog may stop the rest at once
        assertThat(servers).as("what the launcher had not stopped yet when it was killed").isNotEmpty();

        awaitNothingLeft();
        System.out.printf("[supervision] nothing of %s left %.1f s after SIGKILL during the orderly shutdown%n",
                dataDirectory, (System.nanoTime() - killed) / 1e9);
    }

    private static void startTheLauncher() throws IOException {
        starts++;
        launcherLog = workArea.resolve("launcher-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of("./run-local", "--no-build", "--no-tracing",
                "--data-dir", dataDirectory.toString()));
        command.addAll(ports);
        long started = System.nanoTime();
        launcher = new ProcessBuilder(command).directory(CHECKOUT.toFile()).redirectErrorStream(true)
                .redirectOutput(launcherLog.toFile()).start();
        await("./run-local start " + starts + " answering health on both services and the gateway").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    assertThat(launcher.isAlive()).as("launcher still running; its output:%n%s", output()).isTrue();
                    return output().contains("Ledgerline is running") && healthy(commandPort) && healthy(queryPort)
                            && healthy(gatewayPort);
                });
        System.out.printf("[supervision] start %d ready in %.0f s%n", starts, (System.nanoTime() - started) / 1e9);
    }

    private static void awaitNothingLeft() {
        await("no process of " + dataDirectory + " and no listener on its ports").atMost(NOTHING_LEFT_WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(processesOf(dataDirectory)).as("processes of the data directory").isEmpty();
                    assertThat(allPorts).as("ports still listening").noneMatch(Ports::isListening);
                });
    }

    /** The servers and services of the data directory: neither the launcher nor its watchdog. */
    private static List<String> serversOf(Path directory) {
        return processesOf(directory).stream()
                .filter(process -> !process.startsWith(launcher.pid() + " "))
                .filter(process -> !process.contains("ledgerline-stop-leftovers"))
                .toList();
    }

    /** Every live process whose command line names the data directory: servers, services and the watchdog. */
    private static List<String> processesOf(Path directory) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(directory.toString())).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("").lines().findFirst().orElse(""))
                .map(line -> line.length() > 200 ? line.substring(0, 200) : line)
                .toList();
    }

    private static boolean healthy(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String output() throws IOException {
        return Files.readString(launcherLog, StandardCharsets.UTF_8);
    }

    /** Kafka's controller and Elasticsearch's transport listen on the port after the configured one. */
    private static int freePortWithFreeNeighbour() {
        return IntStream.range(0, 50).map(attempt -> Ports.freePort())
                .filter(port -> port < 65534 && bindable(port + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no two neighbouring free ports"));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
