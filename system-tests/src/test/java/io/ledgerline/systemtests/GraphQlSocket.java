package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client's end of a GraphQL socket (the {@code graphql-transport-ws} protocol) on the JDK's own WebSocket client, as
 * a client outside the project opens it: every message the server sent is kept in order, and the server's close code
 * once it closed. It answers the protocol's pings, so that a server keeping the socket alive is not left waiting.
 */
final class GraphQlSocket implements AutoCloseable {

    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> received;
    private final CompletableFuture<Integer> closedWith;

    private GraphQlSocket(WebSocket socket, List<JsonNode> received, CompletableFuture<Integer> closedWith) {
        this.socket = socket;
        this.received = received;
        this.closedWith = closedWith;
    }

    static GraphQlSocket open(HttpClient http, URI uri) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols(SUBPROTOCOL).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener(received, closedWith)).orTimeout(30, TimeUnit.SECONDS).join();
        return new GraphQlSocket(socket, received, closedWith);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String message) {
        socket.sendText(message, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** What the server sent so far, in order. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The messages of one type the server sent so far, in order. */
    List<JsonNode> received(String type) {
        return received.stream().filter(message -> type.equals(message.path("type").asText())).toList();
    }

    /** The status code of the server's close, once the server closed the socket. */
    CompletableFuture<Integer> closedWith() {
        return closedWith;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {

        private final List<JsonNode> received;
        private final CompletableFuture<Integer> closedWith;
        private final StringBuilder partial = new StringBuilder();

        Listener(List<JsonNode> received, CompletableFuture<Integer> closedWith) {
            this.received = received;
            this.closedWith = closedWith;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message;
                try {
                    message = JSON.readTree(partial.toString());
                } catch (IOException notJson) {
                    throw new UncheckedIOException(notJson);
                } finally {
                    partial.setLength(0);
                }
                if ("ping".equals(message.path("type").asText())) {
                    socket.sendText("{\"type\":\"pong\"}", true);
                }
                received.add(message);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closedWith.completeExceptionally(error);
        }
    }
}
