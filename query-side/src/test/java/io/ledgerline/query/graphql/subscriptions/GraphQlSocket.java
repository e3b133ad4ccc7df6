package io.ledgerline.query.graphql.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A graphql-transport-ws connection spoken message by message, so that every message and the close code can be seen. */
final class GraphQlSocket implements AutoCloseable {

    private final ObjectMapper json;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final Disposable connection;

    private GraphQlSocket(URI uri, ObjectMapper json) {
        this.json = json;
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                session.closeStatus().subscribe(closed::complete);
                Mono<Void> receiving = session.receive()
                        .doOnNext(message -> received.add(parse(message.getPayloadAsText()))).then();
                Mono<Void> sending = session.send(outbound.asFlux().map(session::textMessage));
                return Mono.zip(receiving, sending).then();
            }
        };
        this.connection = new StandardWebSocketClient().execute(uri, handler)
                .subscribe(done -> { }, failure -> closed.completeExceptionally(failure));
    }

    static GraphQlSocket open(int port, ObjectMapper json) {
        return new GraphQlSocket(URI.create("ws://localhost:" + port + "/graphql"), json);
    }

    GraphQlSocket init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
        return this;
    }

    GraphQlSocket subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
        return this;
    }

    void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message, waiting at most the given time. */
    JsonNode next(Duration within) throws InterruptedException {
        JsonNode message = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("No message within " + within);
        }
        return message;
    }

    /** The next message other than a ping or pong. */
    JsonNode nextOtherThanPing(Duration within) throws InterruptedException {
        JsonNode message = next(within);
        while (message.path("type").asText().matches("ping|pong")) {
            message = next(within);
        }
        return message;
    }

    CloseStatus closeStatus(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(Map<String, Object> message) {
        try {
            outbound.tryEmitNext(json.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
