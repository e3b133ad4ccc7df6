package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A stand-in query node with a real WebSocket server at /graphql (embedded Tomcat, as the services
 * run on): it speaks enough graphql-transport-ws to be relayed to (acknowledges a connection_init,
 * answers a subscribe with five numbered results and a complete, a pong to a ping), closes with the
 * code and reason a test message asks for, and records every upgrade, message and close that reaches it.
 */
final class WebSocketNode {

    static final String PROTOCOL = "graphql-transport-ws";
    static final int RESULTS = 5;

    record Upgrade(Map<String, List<String>> headers) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    record Closed(int code, String reason) {
    }

    final String name;
    final int port;
    final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Closed> closes = new CopyOnWriteArrayList<>();
    volatile boolean healthy = true;
    private final ObjectMapper json = new ObjectMapper();
    private Tomcat tomcat;

    WebSocketNode(String name) {
        this.name = name;
        this.port = freePort();
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        tomcat = new Tomcat();
        tomcat.setBaseDir(new File("target/websocket-nodes/" + name).getAbsolutePath());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "readiness", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(healthy ? 200 : 503);
            }
        });
        context.addServletMappingDecoded("/actuator/health/readiness", "readiness");
        // Tomcat runs filters, its WebSocket upgrade filter among them, only for a request some servlet is mapped to
        Tomcat.addServlet(context, "nothing-else", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(404);
            }
        });
        context.addServletMappingDecoded("/", "nothing-else");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Graphql.class, "/graphql")
                        .subprotocols(List.of(PROTOCOL))
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                    HandshakeResponse response) {
                                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                                headers.putAll(request.getHeaders());
                                upgrades.add(new Upgrade(headers));
                                super.modifyHandshake(config, request, response);
                            }

                            @Override
                            public <T> T getEndpointInstance(Class<T> type) {
                                return type.cast(new Graphql());
                            }
                        })
                        .build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gone as a killed process is gone: its sockets end and connections to the port are refused. */
    synchronized void stop() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    void reset() {
        healthy = true;
        upgrades.clear();
        received.clear();
        closes.clear();
    }

    /** One socket's end on the node; the gateway is its client. */
    final class Graphql extends Endpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String text) {
                    received.add(text);
                    answer(session, text);
                }
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closes.add(new Closed(reason.getCloseCode().getCode(), reason.getReasonPhrase()));
        }

        private void answer(Session session, String text) {
            try {
                JsonNode message = json.readTree(text);
                String id = message.path("id").asText();
                switch (message.path("type").asText()) {
                    case "connection_init" -> send(session, "{\"type\":\"connection_ack\",\"payload\":{\"node\":\"" + name + "\"}}");
                    case "ping" -> send(session, "{\"type\":\"pong\"}");
                    case "subscribe" -> {
                        for (int n = 1; n <= RESULTS; n++) {
                            send(session, "{\"id\":\"" + id + "\",\"type\":\"next\",\"payload\":{\"data\":{\"n\":" + n + "}}}");
                        }
                        send(session, "{\"id\":\"" + id + "\",\"type\":\"complete\"}");
                    }
                    // not graphql-transport-ws: how a test makes the node end the socket with a code of its choice
                    case "close-me" -> session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(
                            message.path("code").asInt()), message.path("reason").asText()));
                    default -> {
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void send(Session session, String text) throws IOException {
            session.getBasicRemote().sendText(text);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
