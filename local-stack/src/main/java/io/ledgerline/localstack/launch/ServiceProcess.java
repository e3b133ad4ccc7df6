package io.ledgerline.localstack.launch;

import io.ledgerline.localstack.process.ChildProcess;
import io.ledgerline.localstack.process.JavaCommand;
import io.ledgerline.localstack.process.PidFiles;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One Ledgerline service started from its runnable jar, with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final URI baseUri;
    private final ChildProcess process;
    private final Launch launch;

    private ServiceProcess(String name, URI baseUri, ChildProcess process, Launch launch) {
        this.name = name;
        this.baseUri = baseUri;
        this.process = process;
        this.launch = launch;
    }

    /** Everything a service was started with, so that it can be started again exactly so. */
    private static final String SERVER_ADDRESS = "--server.address=";
    private static final java.util.Set<String> WILDCARDS = java.util.Set.of("0.0.0.0", "::", "[::]");

    private record Launch(String name, Path jar, int port, List<String> jvmOptions, List<String> springArguments,
            Path logFile, Path tmpDirectory, PidFiles pidFiles) {
    }

    /**
     * @param springArguments Spring properties as {@code --key=value} arguments, port included
     * @param tmpDirectory    the service's java.io.tmpdir (embedded Tomcat creates directories there)
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> springArguments,
                                       Path logFile, Path tmpDirectory) {
        return start(name, jar, port, List.of(), springArguments, logFile, tmpDirectory);
    }

    /**
     * @param jvmOptions added after the defaults, so that they win over them (a profiler, another heap size)
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions,
                                       List<String> springArguments, Path logFile, Path tmpDirectory) {
        return start(name, jar, port, jvmOptions, springArguments, logFile, tmpDirectory, PidFiles.none());
    }

    /** @param pidFiles where the service's pid is kept while it runs, so that it is stopped should the launcher die */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions,
                                       List<String> springArguments, Path logFile, Path tmpDirectory, PidFiles pidFiles) {
        return start(new Launch(name, jar, port, List.copyOf(jvmOptions), List.copyOf(springArguments), logFile,
                tmpDirectory, pidFiles));
    }

    private static ServiceProcess start(Launch launch) {
        String name = launch.name();
        Path jar = launch.jar();
        Path tmpDirectory = launch.tmpDirectory();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " jar is missing: " + jar.toAbsolutePath()
                    + System.lineSeparator() + "Build it first: ./mvnw -DskipTests package");
        }
        try {
            Files.createDirectories(tmpDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = JavaCommand.java("384m", tmpDirectory);
        // what the JIT compiler and the clients free natively stays in the process until trimmed:
        // about 65 MB of the command side's resident set under load (a JDK 17 update older than
        // the option would refuse to start with it)
        if (jvmKnows("TrimNativeHeapInterval")) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(launch.springArguments());
        ChildProcess process = ChildProcess.start(name, command, Map.of(), tmpDirectory.getParent(), launch.logFile(),
                launch.pidFiles());
        return new ServiceProcess(name, baseUri(launch.port(), launch.springArguments()), process, launch);
    }

    /** Where the service answers: on loopback, unless it listens on one address of this machine only. */
    static URI baseUri(int port, List<String> springArguments) {
        String host = springArguments.stream().filter(argument -> argument.startsWith(SERVER_ADDRESS))
                .map(argument -> argument.substring(SERVER_ADDRESS.length()))
                .filter(address -> !WILDCARDS.contains(address)).reduce((first, last) -> last).orElse("127.0.0.1");
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The services run on this JVM's installation, so what it knows, theirs knows. */
    private static boolean jvmKnows(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** A new process of this service: same jar, port, arguments and log file (appended to). */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running as process " + process.pid());
        }
        return start(launch);
    }

    /** Waits for GET /actuator/health/readiness (or /actuator/health where probes are off) to answer 200. */
    public void awaitReady(Duration timeout, Consumer<String> progress) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + PROGRESS_INTERVAL.toNanos();
        while (System.nanoTime() < deadline) {
            if (isReady()) {
                progress.accept(name + " ready at " + baseUri + " in " + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting" + process.logTailSection());
            }
            if (System.nanoTime() > nextReport) {
                progress.accept("  ... waiting for " + name + " (" + (System.nanoTime() - started) / 1_000_000_000 + " s): "
                        + process.logTail(1).strip());
                nextReport += PROGRESS_INTERVAL.toNanos();
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + process.logTailSection());
    }

    private boolean isReady() {
        int readiness = status("/actuator/health/readiness");
        return readiness == 200 || (readiness == 404 && status("/actuator/health") == 200);
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service", e);
        }
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM dies mid-work, without shutdown hooks, as on a crash. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM, so Spring shuts down gracefully; the process tree is killed if it does not. */
    @Override
    public void close() {
        process.close();
    }
}
