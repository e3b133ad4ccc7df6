package io.ledgerline.localstack;

import io.ledgerline.localstack.process.FileTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistentDataIT {

    private final Path dataDirectory = Path.of("target", "persistent-data-it-" + UUID.randomUUID().toString().substring(0, 8));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void deleteDataDirectory() {
        FileTrees.deleteRecursively(dataDirectory);
    }

    @Test
    void keepsPostgresKafkaAndElasticsearchDataAcrossARestartOnTheSamePortsWithDurableCommits() throws Exception {
        LocalStackOptions options = LocalStackOptions.defaults().withAll().persistentIn(dataDirectory);
        int postgresPort;
        String elasticsearch;
        try (LocalStack first = LocalStack.start(options, System.out::println)) {
            postgresPort = first.postgresPort();
            sql(first, "CREATE TABLE kept (label text)", "INSERT INTO kept VALUES ('survives restarts')");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(first, "fsync")).isEqualTo("on");
            elasticsearch = first.elasticsearchUri();
            HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/kept/_doc/1?refresh=true"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"label\":\"survives restarts\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(indexed.statusCode()).isEqualTo(201);
        }
        assertThat(dataDirectory.resolve("postgres/data/PG_VERSION")).exists();
        assertThat(dataDirectory.resolve("kafka/data/meta.properties")).exists();

        int elasticsearchPort = Integer.parseInt(elasticsearch.substring(elasticsearch.lastIndexOf(':') + 1));
        try (LocalStack second = LocalStack.start(options.ports(postgresPort, 0, elasticsearchPort), System.out::println)) {
            try (Connection connection = DriverManager.getConnection(second.postgresJdbcUrl("ledgerline_command"), second.postgresUser(), second.postgresPassword());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT label FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("survives restarts");
            }
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(second.elasticsearchUri() + "/kept/_doc/1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(document.body()).contains("survives restarts");

            assertThatThrownBy(() -> LocalStack.start(LocalStackOptions.defaults().withPostgres().ports(postgresPort, 0, 0)))
                    .hasMessageContaining("Port " + postgresPort + " for PostgreSQL is already in use");
        }
    }

    private static String setting(LocalStack stack, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(), stack.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void sql(LocalStack stack, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(), stack.postgresPassword());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
