package io.ledgerline.localstack.kafka;

import io.ledgerline.localstack.process.ChildProcess;
import io.ledgerline.localstack.process.JavaCommand;
import io.ledgerline.localstack.process.PidFiles;
import io.ledgerline.localstack.process.Ports;
import io.ledgerline.localstack.process.Waiting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft broker (broker and controller in one process) in its own JVM. It runs on a
 * classpath the build wrote, so the Kafka server and Scala jars never mix with the classpath of
 * the application under test.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String STARTED_LINE = "Kafka Server started";

    private final ChildProcess process;
    private final int port;
    private final int controllerPort;

    private KafkaBroker(ChildProcess process, int port, int controllerPort) {
        this.process = process;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * @param directory      holds server.properties, data/ (the log dirs) and broker.log
     * @param port           client port, already checked to be free
     * @param controllerPort controller quorum port, already checked to be free
     * @param classpath      the broker's classpath
     */
    public static KafkaBroker start(Path directory, int port, int controllerPort, String classpath) {
        return start(directory, port, controllerPort, classpath, PidFiles.none());
    }

    /** @param pidFiles where the broker's pid is kept while it runs */
    public static KafkaBroker start(Path directory, int port, int controllerPort, String classpath, PidFiles pidFiles) {
        Path config = writeConfiguration(directory, port, controllerPort);
        Path tmp = createDirectory(directory.resolve("tmp"));
        if (!Files.exists(directory.resolve("data/meta.properties"))) {
            format(directory, config, tmp, classpath);
        }
        List<String> command = brokerJava(directory, tmp, classpath);
        command.add("kafka.Kafka");
        command.add(config.toString());
        // a restarted broker appends to the log of its earlier run, which already says it started
        long earlierLog = ChildProcess.sizeOf(directory.resolve("broker.log"));
        ChildProcess process = ChildProcess.start("Kafka broker", command, Map.of(), directory,
                directory.resolve("broker.log"), pidFiles);
        KafkaBroker broker = new KafkaBroker(process, port, controllerPort);
        boolean ready = Waiting.until(() -> process.logContains(STARTED_LINE, earlierLog) && Ports.isListening(port),
                process::isAlive, START_TIMEOUT);
        if (!ready) {
            String log = process.logTailSection();
            broker.close();
            throw new IllegalStateException("Kafka broker did not start on port " + port + log);
        }
        return broker;
    }

    private static void format(Path directory, Path config, Path tmp, String classpath) {
        List<String> command = brokerJava(directory, tmp, classpath);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", randomClusterId(), "--config", config.toString()));
        ChildProcess.start("Kafka storage format", command, Map.of(), directory, directory.resolve("format.log"))
                .awaitSuccess(FORMAT_TIMEOUT);
    }

    private static List<String> brokerJava(Path directory, Path tmp, String classpath) {
        List<String> command = JavaCommand.java("256m", tmp);
        command.add("-Dlog4j.configuration=" + directory.resolve("log4j.properties").toUri());
        command.add("-Dkafka.logs.dir=" + directory.resolve("logs"));
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    /**
     * Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. Like Kafka's own
     * generator, reject ids starting with '-': the storage tool would read them as an option.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static Path writeConfiguration(Path directory, int port, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "min.insync.replicas=1",
                // the services create ledger.events themselves, with the settings they need
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "log.cleaner.dedupe.buffer.size=8388608"));
        Path config = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory.resolve("logs"));
            Files.write(config, lines);
            Files.write(directory.resolve("log4j.properties"), List.of(
                    "log4j.rootLogger=INFO, stdout",
                    "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                    "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
                    "log4j.logger.org.apache.kafka=INFO",
                    "log4j.logger.kafka.request.logger=WARN",
                    "log4j.logger.state.change.logger=WARN"));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kafka configuration in " + directory, e);
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
