package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs and POSTs that answer JSON, for the readers of the read models. */
final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    record Reply(int status, JsonNode body) {
    }

    private JsonHttp() {
    }

    /** Longer than a service waits for a database connection, so that its answer to an outage arrives. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    static Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(), HTTP);
    }

    /**
     * A GET of a Ledgerline API, which needs a bearer token, its answer held to the service's committed
     * document; Elasticsearch is read without either.
     */
    static Reply get(URI uri, String token, ApiContract contract) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .GET().build(), ContractCheckedHttpClient.of(HTTP, contract));
    }

    static Reply post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HTTP);
    }

    static int status(URI uri, String token, ApiContract contract) {
        try {
            return get(uri, token, contract).status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static Reply send(HttpRequest request, HttpClient client) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
