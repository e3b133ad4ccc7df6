package io.ledgerline.localstack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void indexesAndSearchesADocumentAndLeavesNothingBehind() throws Exception {
        Leftovers leftovers = Leftovers.snapshot();
        Path workDirectory;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withElasticsearch(), System.out::println)) {
            workDirectory = stack.workDirectory().root();
            String es = stack.elasticsearchUri();

            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(es + "/_cluster/health")).GET());
            assertThat(health.body()).contains("\"status\":\"green\"");

            HttpResponse<String> indexed = send(HttpRequest.newBuilder(URI.create(es + "/accounts/_doc/acc-1?refresh=true"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"accountId\":\"acc-1\",\"customerId\":\"cust-42\",\"currency\":\"EUR\"}")));
            assertThat(indexed.statusCode()).isEqualTo(201);

            HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(es + "/accounts/_search?q=customerId:cust-42")).GET());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"total\":{\"value\":1").contains("\"accountId\":\"acc-1\"");
        }
        assertThat(workDirectory).doesNotExist();
        leftovers.assertNoneSinceSnapshot();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
