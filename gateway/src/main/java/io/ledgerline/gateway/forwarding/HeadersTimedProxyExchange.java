package io.ledgerline.gateway.forwarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.tracing.TraceContext;
import io.ledgerline.support.web.Problems;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends one attempt to a node with an HttpURLConnection on the request's own thread: the socket is
 * written and read where the request runs, with no selector thread and no hand-off between threads
 * (the JDK's java.net.http client cost two per request). Connections are kept alive and pooled by the
 * JDK ({@link NodeConnections}).
 *
 * <p>The time limit is a read timeout, which bounds every read: the answer's status and headers, and
 * each read of its body. A request that asks for a live-update stream ({@code Accept:
 * text/event-stream}) gets the longer stream read timeout instead, longer than the query side's
 * heartbeat, so that an open stream is not cut and a dead one still ends. A stream's body is copied as
 * it comes, flushed after each read, never buffered. Any other answer is read whole within the attempt,
 * so that one cut off by a dying node is a failed attempt, not a broken copy to the client; a body
 * shorter than its Content-Length counts as cut off (the JDK ends such a body quietly). The node's body
 * stream is put into a request attribute so that an answer that is not passed on (a retried 503) can be
 * closed.
 */
final class HeadersTimedProxyExchange implements ProxyExchange {

    static {
        NodeConnections.configure();
    }

    private static final Logger log = LoggerFactory.getLogger(HeadersTimedProxyExchange.class);

    static final String OPEN_BODY = HeadersTimedProxyExchange.class.getName() + ".openBody";
    /** The client's request body as SideForwarding read it, for each attempt to send. */
    static final String REQUEST_BODY = HeadersTimedProxyExchange.class.getName() + ".requestBody";

    /**
     * Hop-by-hop or about this connection: HttpURLConnection sets them itself, drops most of them silently
     * (its restricted headers: Origin, Via and the CORS preflight's too), and would wait for a 100 answer on
     * an Expect. Named here so that what is forwarded does not hang on sun.net.http.allowRestrictedHeaders.
     */
    private static final Set<String> CLIENT_OWNED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "content-transfer-encoding",
            "origin", "via", "access-control-request-headers", "access-control-request-method");
    /** What HTTP says a body without a type may be taken for; HttpURLConnection would call it a form. */
    private static final String UNTYPED_BODY = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    /** What a request without an Accept header accepts; HttpURLConnection would put its own list first. */
    private static final String ANY_TYPE = MediaType.ALL_VALUE;
    private static final int STREAM_BUFFER = 8192;
    /** Every answer of the API but an export or a document fits. */
    private static final int WHOLE_ANSWER_BOUND = 256 * 1024;

    private final int connectWithin;
    private final int readsWithin;
    private final int streamReadsWithin;
    private final TraceContext traces;
    private final ObjectMapper json;

    HeadersTimedProxyExchange(Duration connectWithin, Duration readsWithin, Duration streamReadsWithin,
            TraceContext traces, ObjectMapper json) {
        this.connectWithin = millis(connectWithin);
        this.readsWithin = millis(readsWithin);
        this.streamReadsWithin = millis(streamReadsWithin);
        this.traces = traces;
        this.json = json;
    }

    @Override
    public ServerResponse exchange(Request request) {
        URI uri = request.getUri();
        NodeAnswer answer = send(request, uri);
        request.getServerRequest().attributes().put(OPEN_BODY, answer.body());
        boolean streamed = isStream(answer.headers());
        InputStream relayed = streamed ? answer.body() : readWithinAttempt(
                wholeLength(answer.body(), expectedLength(request.getMethod().name(), answer.status(), answer.headers())),
                request);
        ServerResponse response = GatewayServerResponse.status(answer.status()).build((servletRequest, servletResponse) -> {
            try (relayed) {
                if (streamed) {
                    relayStream(relayed, servletResponse.getOutputStream(), uri);
                } else {
                    copy(relayed, servletResponse.getOutputStream());
                }
            }
            return null;
        });
        Response adapter = new Response() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatusCode.valueOf(answer.status());
            }

            @Override
            public HttpHeaders getHeaders() {
                return answer.headers();
            }
        };
        request.getResponseConsumers().forEach(consumer -> consumer.accept(adapter, response));
        return response;
    }

    /** The node's status, headers and body, not yet read. */
    private record NodeAnswer(int status, HttpHeaders headers, InputStream body) {
    }

    private NodeAnswer send(Request request, URI uri) {
        byte[] body = requestBody(request);
        boolean streamed = isStreamed(request.getMethod().name(), body);
        HttpURLConnection connection = open(uri);
        try {
            prepare(connection, request, body, streamed);
            connect(connection, uri);
            if (streamed) {
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status < 100) {
                throw new IOException(uri + " answered no valid status line");
            }
            HttpHeaders headers = new HttpHeaders();
            connection.getHeaderFields().forEach((name, values) -> {
                // the status line comes under no name
                if (name != null) {
                    headers.addAll(name, values);
                }
            });
            if (streamed && (status == 401 || status == 407)) {
                return refused(status, headers, request);
            }
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new NodeAnswer(status, headers, answer != null ? answer : InputStream.nullInputStream());
        } catch (IOException e) {
            // drops the connection: nothing more is read from it, and it is not kept for another request
            connection.disconnect();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HttpURLConnection does not keep the body of a 401 (or 407) answer to a request whose body it streamed:
     * it closes the connection as it reads the status (it could not send the body again to authenticate),
     * and the node's problem is gone. The node did answer, and refused the request: the client gets its
     * status and headers (WWW-Authenticate among them) with a problem of the gateway's own.
     */
    private NodeAnswer refused(int status, HttpHeaders nodeHeaders, Request request) {
        HttpStatus refusal = HttpStatus.valueOf(status);
        String code = refusal == HttpStatus.UNAUTHORIZED ? "UNAUTHENTICATED" : refusal.name();
        ProblemDetail problem = Problems.of(refusal, code, "The service refused the request's credentials");
        problem.setInstance(URI.create(request.getServerRequest().path()));
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(nodeHeaders);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return new NodeAnswer(status, headers, new ByteArrayInputStream(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always serializable", e);
        }
    }

    private static HttpURLConnection open(URI uri) {
        try {
            return (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        } catch (IOException | IllegalArgumentException notHttp) {
            throw new IllegalStateException("A node's address is an http URL: " + uri, notHttp);
        }
    }

    /**
     * A request with a body, and every POST, is streamed: the JDK never sends it again by itself. A POST
     * streamed is also the only request for which the JDK checks a kept-alive connection for a close by
     * the node before it sends on it (and takes a new connection if so). A node restarted on its address,
     * or one that closed its idle connections as it shut down, leaves such connections in the pool; a POST
     * without a body sent on one was lost unseen by the node and answered 503, "may or may not have taken
     * effect". Streamed with a length of 0, it is sent with {@code Content-Length: 0}.
     */
    private static boolean isStreamed(String method, byte[] body) {
        return body.length > 0 || method.equals("POST");
    }

    private void prepare(HttpURLConnection connection, Request request, byte[] body, boolean streamed) {
        HttpHeaders incoming = request.getHeaders();
        String method = request.getMethod().name();
        try {
            connection.setRequestMethod(method);
        } catch (ProtocolException notSupported) {
            throw new IllegalStateException("HttpURLConnection cannot send " + method + "; see DocumentedRoutesTest",
                    notSupported);
        }
        connection.setConnectTimeout(connectWithin);
        connection.setReadTimeout(asksForStream(incoming) ? streamReadsWithin : readsWithin);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        incoming.forEach((name, values) -> {
            if (!CLIENT_OWNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> connection.addRequestProperty(name, value));
            }
        });
        if (!incoming.containsKey(HttpHeaders.ACCEPT)) {
            connection.setRequestProperty(HttpHeaders.ACCEPT, ANY_TYPE);
        }
        // the node's spans belong under the gateway's span of this request, not beside it under the client's
        traces.current().ifPresent(traceparent -> connection.setRequestProperty(TraceContext.TRACEPARENT, traceparent));
        if (body.length > 0 && !incoming.containsKey(HttpHeaders.CONTENT_TYPE)) {
            connection.setRequestProperty(HttpHeaders.CONTENT_TYPE, UNTYPED_BODY);
        }
        if (streamed) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
        }
    }

    /**
     * Opens the connection, or takes a kept-alive one, before anything is written: whatever fails here, the
     * node was sent nothing, and the request may go to another node whatever its method (SideForwarding
     * knows it by the ConnectException).
     */
    private static void connect(HttpURLConnection connection, URI uri) throws IOException {
        try {
            connection.connect();
        } catch (ConnectException refused) {
            throw refused;
        } catch (IOException notConnected) {
            ConnectException nothingSent = new ConnectException("Could not connect to " + uri + ": " + notConnected);
            nothingSent.initCause(notConnected);
            throw nothingSent;
        }
    }

    private static byte[] requestBody(Request request) {
        return request.getServerRequest().attribute(REQUEST_BODY).map(byte[].class::cast).orElseThrow(
                () -> new IllegalStateException("The request body is read before an attempt is sent"));
    }

    private static boolean asksForStream(HttpHeaders headers) {
        List<String> accepted = headers.get(HttpHeaders.ACCEPT);
        if (accepted != null) {
            for (String types : accepted) {
                if (types.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** HttpURLConnection takes whole milliseconds, 0 meaning no limit at all. */
    private static int millis(Duration limit) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, limit.toMillis()));
    }

    /**
     * The length a body must reach, or -1: an answer to a HEAD, a 204 and a 304 have none whatever their
     * Content-Length says, and a Content-Length that is no number is left to the JDK's reading.
     */
    private static long expectedLength(String method, int status, HttpHeaders headers) {
        if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) {
            return -1;
        }
        try {
            return headers.getContentLength();
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /**
     * The JDK ends a body whose connection closed before its Content-Length as if it had ended; this ends
     * it with the EOFException that says it was cut off.
     */
    private static InputStream wholeLength(InputStream body, long contentLength) {
        if (contentLength < 0) {
            return body;
        }
        return new FilterInputStream(body) {
            private long left = contentLength;

            @Override
            public int read() throws IOException {
                int read = super.read();
                count(read == -1 ? -1 : 1);
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int wanted) throws IOException {
                int read = super.read(buffer, offset, wanted);
                if (wanted > 0) {
                    count(read);
                }
                return read;
            }

            private void count(int read) throws IOException {
                if (read >= 0) {
                    left -= read;
                } else if (left > 0) {
                    throw new EOFException(left + " bytes of the answer's Content-Length never came");
                }
            }
        };
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
