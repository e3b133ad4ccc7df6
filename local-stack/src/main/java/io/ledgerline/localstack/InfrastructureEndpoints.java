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
}
