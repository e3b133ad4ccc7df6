package io.ledgerline.localstack;

/** Addresses of running infrastructure, whichever way it was started (embedded servers or containers). */
public interface InfrastructureEndpoints {

    /** JDBC URL of {@code database} on the PostgreSQL server. */
    String postgresJdbcUrl(String database);

    String postgresUser();

    String postgresPassword();

    /** {@code host:port} of the Kafka broker. */
    String kafkaBootstrapServers();

    /** {@code http://host:port} of Elasticsearch. */
    String elasticsearchUri();

    /** {@code http://host:port} of Zipkin: UI there, HTTP API under {@code /api/v2}. */
    String zipkinUri();

    /** Zipkin's span collector, for {@code management.zipkin.tracing.endpoint}. */
    default String zipkinSpansEndpoint() {
        return zipkinUri() + "/api/v2/spans";
    }
}
