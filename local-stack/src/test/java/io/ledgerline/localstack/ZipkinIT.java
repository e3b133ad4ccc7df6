package io.ledgerline.localstack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZipkinIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesASpanAndAnswersItsTraceThroughTheHttpApiAndLeavesNothingBehind() throws Exception {
        Leftovers leftovers = Leftovers.snapshot();
        Path workDirectory;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withZipkin(), System.out::println)) {
            workDirectory = stack.workDirectory().root();
            String zipkin = stack.zipkinUri();
            assertThat(zipkin).startsWith("http://127.0.0.1:");
            assertThat(stack.zipkinSpansEndpoint()).isEqualTo(zipkin + "/api/v2/spans");

            String traceId = "463ac35c9f6413ad48485a3953bb6124";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(stack.zipkinSpansEndpoint()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            [{"traceId":"%s","id":"48485a3953bb6124","name":"post /api/transfers",
                              "timestamp":1765000000000000,"duration":1500,"kind":"SERVER",
                              "localEndpoint":{"serviceName":"command-side"}}]""".formatted(traceId)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            // Zipkin's collector stores asynchronously
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create(zipkin + "/api/v2/trace/" + traceId))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(trace.statusCode()).isEqualTo(200);
                assertThat(trace.body()).contains("\"serviceName\":\"command-side\"").contains("post /api/transfers");
            });
        }
        assertThat(workDirectory).doesNotExist();
        leftovers.assertNoneSinceSnapshot();
    }
}
