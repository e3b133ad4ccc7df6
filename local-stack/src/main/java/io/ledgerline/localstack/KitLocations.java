package io.ledgerline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build of this module prepared the server distributions: the Elasticsearch home
 * unpacked by maven-dependency-plugin and the module's runtime classpath (which includes the
 * optional Kafka server jars), used for the broker's JVM and by ./run-local. The paths are
 * written into {@code ledgerline-local-stack.properties} by resource filtering.
 */
public final class KitLocations {

    private static final String RESOURCE = "/ledgerline-local-stack.properties";

    private final Properties properties;

    private KitLocations(Properties properties) {
        this.properties = properties;
    }

    public static KitLocations load() {
        try (InputStream in = KitLocations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build local-stack with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new KitLocations(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    public Path elasticsearchHome() {
        Path home = Path.of(required("elasticsearch.home"));
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + "; run ./mvnw -pl local-stack -am package to unpack it");
        }
        return home;
    }

    /**
     * Where zonky extracts the PostgreSQL binaries: shared by all work directories, so an
     * ephemeral stack does not unpack them again (zonky locks the directory while extracting).
     */
    public Path postgresBinaries() {
        return Path.of(required("postgres.binaries-dir"));
    }

    public String elasticsearchVersion() {
        return required("elasticsearch.version");
    }

    public String kafkaBrokerClasspath() {
        Path file = Path.of(required("runtime.classpath-file"));
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("No Kafka broker classpath at " + file
                    + "; run ./mvnw -pl local-stack -am package to write it", e);
        }
    }

    public Path zipkinServerJar() {
        Path jar = Path.of(required("zipkin.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Zipkin server at " + jar + "; run ./mvnw -pl local-stack -am package to copy it");
        }
        return jar;
    }

    public String zipkinVersion() {
        return required("zipkin.version");
    }

    public String kafkaVersion() {
        return required("kafka.version");
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(RESOURCE + " has no value for " + key);
        }
        return value;
    }
}
