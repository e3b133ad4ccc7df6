package io.ledgerline.gateway.forwarding;

import io.ledgerline.support.tracing.TraceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends one attempt to a node with the JDK HTTP client, with a time limit on the answer's status and
 * headers only. A limit on the whole body, as Spring's request factories apply their read timeout,
 * would cut every live-update stream that stays open longer; a stream's body is copied as it comes,
 * flushed after each read, never buffered. Any other answer is read whole within the attempt, so that
 * one cut off by a dying node is a failed attempt, not a broken copy to the client. The node's body
 * stream is put into a request attribute so that an answer that is not passed on (a retried 503) can
 * be closed.
 */
final class HeadersTimedProxyExchange implements ProxyExchange {

    private static final Logger log = LoggerFactory.getLogger(HeadersTimedProxyExchange.class);

    static final String OPEN_BODY = HeadersTimedProxyExchange.class.getName() + ".openBody";
    /** The client's request body as SideForwarding read it, for each attempt to send. */
    static final String REQUEST_BODY = HeadersTimedProxyExchange.class.getName() + ".requestBody";

    /** Set by the JDK client itself; it refuses requests that try to. */
    private static final Set<String> CLIENT_OWNED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    private static final int STREAM_BUFFER = 8192;
    /** Every answer of the API but an export or a document fits. */
    private static final int WHOLE_ANSWER_BOUND = 256 * 1024;

    private final HttpClient client;
    private final Duration headersWithin;
    private final TraceContext traces;

    HeadersTimedProxyExchange(HttpClient client, Duration headersWithin, TraceContext traces) {
        this.client = client;
        this.headersWithin = headersWithin;
        this.traces = traces;
    }

    @Override
    public ServerResponse exchange(Request request) {
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(request.getUri()).timeout(headersWithin);
        request.getHeaders().forEach((name, values) -> {
            if (!CLIENT_OWNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> outgoing.header(name, value));
            }
        });
        // the node's spans belong under the gateway's span of this request, not beside it under the client's
        traces.current().ifPresent(traceparent -> outgoing.setHeader(TraceContext.TRACEPARENT, traceparent));
        outgoing.method(request.getMethod().name(), body(request));
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while waiting for " + request.getUri()));
        }
        request.getServerRequest().attributes().put(OPEN_BODY, answer.body());
        HttpHeaders headers = new HttpHeaders();
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.addAll(name, values);
            }
        });
        boolean streamed = isStream(headers);
        InputStream body = streamed ? answer.body() : readWithinAttempt(answer.body(), request);
        ServerResponse response = GatewayServerResponse.status(answer.statusCode()).build((servletRequest, servletResponse) -> {
            try (body) {
                if (streamed) {
                    relayStream(body, servletResponse.getOutputStream(), request.getUri());
                } else {
                    copy(body, servletResponse.getOutputStream());
                }
            }
            return null;
        });
        Response adapter = new Response() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatusCode.valueOf(answer.statusCode());
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        request.getResponseConsumers().forEach(consumer -> consumer.accept(adapter, response));
        return response;
    }

    /**
     * Reads an answer whole, up to {@value #WHOLE_ANSWER_BOUND} bytes, before anything is passed on: a
     * node that dies mid-answer then fails this attempt, which the request may repeat on another node,
     * rather than the copy to the client, which could only end in an error. A longer answer is passed
     * on as it comes after the part read.
     */
    private static InputStream readWithinAttempt(InputStream body, Request request) {
        try {
            byte[] start = body.readNBytes(WHOLE_ANSWER_BOUND + 1);
            if (start.length <= WHOLE_ANSWER_BOUND) {
                body.close();
                return new ByteArrayInputStream(start);
            }
            return new SequenceInputStream(new ByteArrayInputStream(start), body);
        } catch (IOException cutOff) {
            closeQuietly(body);
            throw new UncheckedIOException(new IOException("The answer of " + request.getUri() + " ended before its end: "
                    + cutOff, cutOff));
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is given up either way
        }
    }

    private static HttpRequest.BodyPublisher body(Request request) {
        byte[] bytes = request.getServerRequest().attribute(REQUEST_BODY).map(byte[].class::cast).orElseThrow(
                () -> new IllegalStateException("The request body is read before an attempt is sent"));
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private static boolean isStream(HttpHeaders headers) {
        try {
            MediaType type = headers.getContentType();
            return type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
        } catch (RuntimeException invalidContentType) {
            return false;
        }
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        from.transferTo(to);
        to.flush();
    }

    /**
     * Passes a stream on as it comes. Its status and headers go out at once, and a stream the node ends
     * abruptly (it died) ends here as if it had ended: the client's stream is committed by then, and a
     * client of live updates opens it again when it ends.
     */
    private static void relayStream(InputStream from, OutputStream to, URI node) throws IOException {
        to.flush();
        byte[] buffer = new byte[STREAM_BUFFER];
        int read;
        while ((read = readFromNode(from, buffer, node)) != -1) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    private static int readFromNode(InputStream from, byte[] buffer, URI node) throws IOException {
        try {
            return from.read(buffer);
        } catch (IOException cutOff) {
            log.warn("The stream of {} ended abruptly ({}); ending the client's", node, cutOff.toString());
            return -1;
        }
    }
}
