package io.ledgerline.testsupport.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.client.RestTemplate;

class ContractCheckedHttpClientTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /api/things/{id}:
                get:
                  responses:
                    "200":
                      description: a thing
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              id: {type: string}
                            required: [id]
            """;

    private HttpServer server;
    private ApiContract contract;

    @BeforeEach
    void serve() throws IOException {
        contract = new ApiContract("things.openapi.yaml", new YAMLMapper().readTree(DOCUMENT));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/things/", exchange -> {
            String body = exchange.getRequestURI().getPath().endsWith("/good") ? "{\"id\":\"good\"}"
                    : "{\"id\":\"bad\",\"internal\":true}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void hands_a_documented_answer_to_the_tests_own_body_handler() throws Exception {
        HttpClient client = ContractCheckedHttpClient.of(HttpClient.newHttpClient(), contract);

        String body = client.send(HttpRequest.newBuilder(uri("/api/things/good")).build(), BodyHandlers.ofString()).body();
        byte[] streamed = client.send(HttpRequest.newBuilder(uri("/api/things/good")).build(),
                BodyHandlers.ofInputStream()).body().readAllBytes();

        assertThat(body).isEqualTo("{\"id\":\"good\"}");
        assertThat(new String(streamed, StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void fails_the_test_on_an_undocumented_answer_sent_or_sent_asynchronously() {
        HttpClient client = ContractCheckedHttpClient.of(HttpClient.newHttpClient(), contract);
        HttpRequest bad = HttpRequest.newBuilder(uri("/api/things/bad")).build();

        assertThatThrownBy(() -> client.send(bad, BodyHandlers.discarding()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("internal");
        assertThatThrownBy(() -> client.sendAsync(bad, BodyHandlers.ofString()).join())
                .isInstanceOf(CompletionException.class).hasRootCauseInstanceOf(AssertionError.class);
    }

    @Test
    void a_rest_template_with_the_interceptor_fails_on_an_undocumented_answer_and_reads_a_documented_one() {
        RestTemplate rest = new RestTemplateBuilder()
                .additionalInterceptors(new ContractCheckingInterceptor(uri -> java.util.Optional.of(contract)))
                .build();

        assertThat(rest.getForObject(uri("/api/things/good"), String.class)).isEqualTo("{\"id\":\"good\"}");
        assertThatThrownBy(() -> rest.getForObject(uri("/api/things/bad"), String.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("internal");
    }
}
