package io.ledgerline.testsupport.hostile;

import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends what a well-behaved client would not: any bytes as body, any path, and bodies of many
 * megabytes, declared or chunked, over a plain socket so that the answer is read while the server
 * may still be refusing the rest of the body.
 */
public final class HostileHttp {

    /** What the server answered; {@code contentType} is empty when it sent none. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final URI root;
    private final Supplier<Optional<String>> authorization;
    private final ApiContract contract;
    private final HttpClient client;

    /** @param contract the service's committed document: hostile requests get documented answers too */
    public HostileHttp(URI root, Supplier<Optional<String>> authorization, ApiContract contract) {
        this.root = root;
        this.authorization = authorization;
        this.contract = contract;
        this.client = ContractCheckedHttpClient.of(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), contract);
    }

    /** @param pathAndQuery sent as it is, neither encoded nor normalised */
    public Answer send(String method, String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        authorization.get().ifPresent(value -> request.header("Authorization", value));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> answered = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), answered);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer send(String method, String pathAndQuery, String contentType, String body) {
        return send(method, pathAndQuery, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Declares a body of {@code declaredBytes} and sends only its first 100 KB: a server that waits
     * for the whole body before answering would time this out.
     */
    public Answer sendDeclaring(String method, String pathAndQuery, long declaredBytes) {
        return raw(method, pathAndQuery, "Content-Length: " + declaredBytes, out -> {
            byte[] start = new byte[100 * 1024];
            Arrays.fill(start, (byte) 'x');
            out.write(start);
            out.flush();
        });
    }

    /** Streams {@code totalBytes} in chunks, which declare no length, while the answer is read. */
    public Answer sendChunked(String method, String pathAndQuery, long totalBytes) {
        return raw(method, pathAndQuery, "Transfer-Encoding: chunked", out -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < totalBytes; sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    /**
     * Sends the head and the first bytes of a body that never ends, declared ({@code Content-Length}
     * of {@code declaredBytes}) or chunked ({@code declaredBytes} below 0), and waits at most
     * {@code patience} for an answer: a server that reads the body before answering times this out.
     */
    public Answer sendUnfinished(String method, String pathAndQuery, long declaredBytes, Duration patience) {
        String framing = declaredBytes < 0 ? "Transfer-Encoding: chunked" : "Content-Length: " + declaredBytes;
        return raw(method, pathAndQuery, framing, out -> {
            byte[] start = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
            if (declaredBytes < 0) {
                out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(start);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(start);
            }
            out.flush();
        }, patience);
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private Answer raw(String method, String pathAndQuery, String framing, BodyWriter body) {
        return raw(method, pathAndQuery, framing, body, Duration.ofSeconds(60));
    }

    private Answer raw(String method, String pathAndQuery, String framing, BodyWriter body, Duration patience) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            socket.setSoTimeout((int) patience.toMillis());
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(root.getHost()).append(':').append(root.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append(framing).append("\r\n")
                    .append("Connection: close\r\n");
            authorization.get().ifPresent(value -> head.append("Authorization: ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    body.write(out);
                } catch (IOException refusedMidway) {
                    // the server answered and closed before taking the whole body: that is the point
                }
            });
            Answer answer = parse(socket.getInputStream());
            sending.cancel(true);
            Map<String, List<String>> headers = new java.util.HashMap<>();
            answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            contract.assertDocumented(method, pathAndQuery, answer.status(),
                    answer.contentType().isEmpty() ? null : answer.contentType(), headers, answer.body());
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    /**
     * Reads the status line, the headers and the body, as soon as they are complete: the server
     * may keep the connection open for a while to drain a body it refused.
     */
    private static Answer parse(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            Answer complete = complete(received.toByteArray());
            if (complete != null) {
                return complete;
            }
            int count = in.read(buffer);
            if (count < 0) {
                Answer closed = complete(received.toByteArray(), true);
                if (closed == null) {
                    throw new IOException("No complete answer: " + received);
                }
                return closed;
            }
            received.write(buffer, 0, count);
        }
    }

    private static Answer complete(byte[] bytes) {
        return complete(bytes, false);
    }

    private static Answer complete(byte[] bytes, boolean closed) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            return null;
        }
        String[] lines = text.substring(0, endOfHead).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String rest = text.substring(endOfHead + 4);
        String body;
        if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (rest.length() < length) {
                return null;
            }
            body = rest.substring(0, length);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(rest);
            if (body == null) {
                return null;
            }
        } else if (closed) {
            body = rest;
        } else {
            return null;
        }
        return new Answer(status, headers.getOrDefault("content-type", ""),
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), headers);
    }

    /** The body of a chunked answer, or null while its last chunk has not arrived. */
    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int endOfSize = chunked.indexOf("\r\n", at);
            if (endOfSize < 0) {
                return null;
            }
            int size = Integer.parseInt(chunked.substring(at, endOfSize).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            int start = endOfSize + 2;
            if (chunked.length() < start + size + 2) {
                return null;
            }
            body.append(chunked, start, start + size);
            at = start + size + 2;
        }
    }
}
