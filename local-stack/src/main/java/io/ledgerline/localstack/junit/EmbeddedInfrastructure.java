package io.ledgerline.localstack.junit;

import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.LocalStackOptions;

/** The default: real servers started by {@link LocalStack} in an ephemeral directory with free ports. */
final class EmbeddedInfrastructure implements SharedInfrastructure {

    private final LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPostgres(),
            message -> System.out.println("[local-stack] " + message));

    @Override
    public synchronized void ensureStarted(boolean kafka, boolean elasticsearch, boolean zipkin) {
        if (kafka) {
            stack.startKafka();
        }
        if (elasticsearch) {
            stack.startElasticsearch();
        }
        if (zipkin) {
            stack.startZipkin();
        }
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return stack.postgresJdbcUrl(database);
    }

    @Override
    public String postgresUser() {
        return stack.postgresUser();
    }

    @Override
    public String postgresPassword() {
        return stack.postgresPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    @Override
    public String elasticsearchUri() {
        return stack.elasticsearchUri();
    }

    @Override
    public String zipkinUri() {
        return stack.zipkinUri();
    }

    @Override
    public void close() {
        stack.close();
    }
}
