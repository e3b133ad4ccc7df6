package io.ledgerline.localstack.junit;

import io.ledgerline.localstack.KitLocations;
import io.ledgerline.localstack.postgres.PostgresServer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The same infrastructure in Docker containers, for machines with a Docker engine
 * ({@code -Dledgerline.infra=testcontainers}). The embedded servers remain the default and what CI runs.
 */
final class ContainerInfrastructure implements SharedInfrastructure {

    private static final String POSTGRES_IMAGE = "postgres:17";
    private static final String KAFKA_IMAGE = "apache/kafka:" + KitLocations.load().kafkaVersion();
    private static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:"
            + KitLocations.load().elasticsearchVersion();
    private static final String ZIPKIN_IMAGE = "openzipkin/zipkin:" + KitLocations.load().zipkinVersion();
    private static final int ZIPKIN_PORT = 9411;

    private final PostgreSQLContainer<?> postgres;
    private KafkaContainer kafka;
    private ElasticsearchContainer elasticsearch;
    private GenericContainer<?> zipkin;

    ContainerInfrastructure() {
        postgres = new PostgreSQLContainer<>(POSTGRES_IMAGE)
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres");
        postgres.start();
        createDatabases();
    }

    private void createDatabases() {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             Statement statement = connection.createStatement()) {
            for (String database : PostgresServer.LEDGERLINE_DATABASES) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            }
            statement.execute(PostgresServer.KEY_READER_ROLES);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the Ledgerline databases in the PostgreSQL container", e);
        }
    }

    @Override
    public synchronized void ensureStarted(boolean needsKafka, boolean needsElasticsearch, boolean needsZipkin) {
        if (needsKafka && kafka == null) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                    // the services create ledger.events themselves, as against the embedded broker
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            container.start();
            kafka = container;
        }
        if (needsElasticsearch && elasticsearch == null) {
            ElasticsearchContainer container = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                    // security is off, so there is no CA certificate to copy out of the container
                    .withCertPath("");
            container.start();
            elasticsearch = container;
        }
        if (needsZipkin && zipkin == null) {
            GenericContainer<?> container = new GenericContainer<>(ZIPKIN_IMAGE)
                    .withExposedPorts(ZIPKIN_PORT)
                    .waitingFor(Wait.forHttp("/health").forStatusCode(200));
            container.start();
            zipkin = container;
        }
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    @Override
    public String postgresUser() {
        return postgres.getUsername();
    }

    @Override
    public String postgresPassword() {
        return postgres.getPassword();
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka was not requested by any @RealInfrastructure class yet");
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized String elasticsearchUri() {
        if (elasticsearch == null) {
            throw new IllegalStateException("Elasticsearch was not requested by any @RealInfrastructure class yet");
        }
        return "http://" + elasticsearch.getHttpHostAddress();
    }

    @Override
    public synchronized String zipkinUri() {
        if (zipkin == null) {
            throw new IllegalStateException("Zipkin was not requested by any @RealInfrastructure class yet");
        }
        return "http://" + zipkin.getHost() + ":" + zipkin.getMappedPort(ZIPKIN_PORT);
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> containers = new ArrayList<>();
        containers.add(zipkin);
        containers.add(elasticsearch);
        containers.add(kafka);
        containers.add(postgres);
        for (AutoCloseable container : containers) {
            if (container != null) {
                try {
                    container.close();
                } catch (Exception e) {
                    // keep stopping the others; Testcontainers' reaper removes what is left
                }
            }
        }
    }
}
