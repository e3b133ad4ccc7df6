package io.ledgerline.localstack.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class RealInfrastructureExtensionIT {

    @Nested
    @RealInfrastructure(database = "ledgerline_command")
    class ForTheCommandSide {

        @Test
        void pointsSpringAtTheCommandDatabaseAndKafka() throws Exception {
            assertThat(System.getProperty("spring.datasource.url")).endsWith("/ledgerline_command");
            assertThat(System.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(RealInfrastructureExtension.stack().kafkaBootstrapServers());
            try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                    System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ledgerline_command");
            }
        }
    }

    @Nested
    @RealInfrastructure(database = "ledgerline_query", elasticsearch = true)
    class ForTheQuerySide {

        @Test
        void addsElasticsearchToTheSharedServers() throws Exception {
            assertThat(System.getProperty("spring.datasource.url")).endsWith("/ledgerline_query");
            String elasticsearch = System.getProperty("spring.elasticsearch.uris");
            assertThat(elasticsearch).isEqualTo(RealInfrastructureExtension.stack().elasticsearchUri());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(elasticsearch + "/_cluster/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @RealInfrastructure(database = "ledgerline_command", kafka = false, zipkin = true)
    class ForTracedTests {

        @Test
        void addsZipkinAndPointsSpringsSpanReporterAtIt() throws Exception {
            String spans = System.getProperty("management.zipkin.tracing.endpoint");
            assertThat(spans).isEqualTo(RealInfrastructureExtension.stack().zipkinUri() + "/api/v2/spans");
            assertThat(System.getProperty("management.zipkin.tracing.export.enabled")).isEqualTo("true");
            HttpResponse<String> traces = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(RealInfrastructureExtension.stack().zipkinUri() + "/api/v2/services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(traces.statusCode()).isEqualTo(200);
        }
    }
}
