package io.ledgerline.localstack;

import java.nio.file.Path;

/**
 * What to start and where. Defaults suit tests: an ephemeral directory under the calling module's
 * {@code target/local-stack} and free ports. Local runs give a persistent directory and fixed ports.
 *
 * @param dataDirectory     persistent directory reused across restarts, or {@code null} for an ephemeral one
 * @param ephemeralParent   where ephemeral directories are created
 * @param postgresPort      fixed port, or 0 for a free one
 * @param kafkaPort         fixed client port (the controller listens on the next port), or 0 for free ones
 * @param elasticsearchPort fixed HTTP port (transport on the next port), or 0 for free ones
 * @param zipkin            start a Zipkin server too; {@link #withAll()} leaves it as it is, tracing being optional
 * @param zipkinPort        fixed Zipkin port (API, UI and span collector), or 0 for a free one
 */
public record LocalStackOptions(boolean postgres, boolean kafka, boolean elasticsearch,
                                Path dataDirectory, Path ephemeralParent,
                                int postgresPort, int kafkaPort, int elasticsearchPort,
                                boolean zipkin, int zipkinPort) {

    /** Nothing selected, ephemeral directory under {@code ./target/local-stack}, free ports. */
    public static LocalStackOptions defaults() {
        return new LocalStackOptions(false, false, false, null,
                Path.of(System.getProperty("user.dir"), "target", "local-stack"), 0, 0, 0, false, 0);
    }

    public LocalStackOptions withPostgres() {
        return new LocalStackOptions(true, kafka, elasticsearch, dataDirectory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, zipkin, zipkinPort);
    }

    public LocalStackOptions withKafka() {
        return new LocalStackOptions(postgres, true, elasticsearch, dataDirectory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, zipkin, zipkinPort);
    }

    public LocalStackOptions withElasticsearch() {
        return new LocalStackOptions(postgres, kafka, true, dataDirectory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, zipkin, zipkinPort);
    }

    /** A Zipkin server on a free port. */
    public LocalStackOptions withZipkin() {
        return withZipkin(0);
    }

    /** A Zipkin server on {@code port} (0 = a free one). */
    public LocalStackOptions withZipkin(int port) {
        return new LocalStackOptions(postgres, kafka, elasticsearch, dataDirectory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, true, port);
    }

    public LocalStackOptions withoutZipkin() {
        return new LocalStackOptions(postgres, kafka, elasticsearch, dataDirectory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, false, 0);
    }

    /** PostgreSQL, Kafka and Elasticsearch; Zipkin stays as selected. */
    public LocalStackOptions withAll() {
        return withPostgres().withKafka().withElasticsearch();
    }

    public LocalStackOptions persistentIn(Path directory) {
        return new LocalStackOptions(postgres, kafka, elasticsearch, directory, ephemeralParent, postgresPort, kafkaPort, elasticsearchPort, zipkin, zipkinPort);
    }

    public LocalStackOptions ephemeralUnder(Path parent) {
        return new LocalStackOptions(postgres, kafka, elasticsearch, null, parent, postgresPort, kafkaPort, elasticsearchPort, zipkin, zipkinPort);
    }

    public LocalStackOptions ports(int postgres, int kafka, int elasticsearch) {
        return new LocalStackOptions(this.postgres, this.kafka, this.elasticsearch, dataDirectory, ephemeralParent, postgres, kafka, elasticsearch, zipkin, zipkinPort);
    }

    WorkDirectory workDirectory() {
        return dataDirectory == null ? WorkDirectory.ephemeralUnder(ephemeralParent) : WorkDirectory.persistent(dataDirectory);
    }
}
