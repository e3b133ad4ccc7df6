package io.ledgerline.testsupport.apidocs;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that holds every answer from a service to the service's committed document
 * ({@link ApiContract}), whatever body handler the test asks for. The body is read whole, judged and
 * then handed to the test's handler; an event stream is judged by status and media type when its
 * headers arrive and then streamed on.
 */
public final class ContractCheckedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final Function<URI, Optional<ApiContract>> contractOf;

    private ContractCheckedHttpClient(HttpClient delegate, Function<URI, Optional<ApiContract>> contractOf) {
        this.delegate = delegate;
        this.contractOf = contractOf;
    }

    /** Every request this client sends goes to the service documented by {@code contract}. */
    public static HttpClient of(HttpClient delegate, ApiContract contract) {
        return new ContractCheckedHttpClient(delegate, uri -> Optional.of(contract));
    }

    /** @param contractOf the document of the service a request goes to; empty for anything else */
    public static HttpClient of(HttpClient delegate, Function<URI, Optional<ApiContract>> contractOf) {
        return new ContractCheckedHttpClient(delegate, contractOf);
    }

    /**
     * For a client that builds its HttpClient itself, such as one generated from the document
     * (its ApiClient's {@code setHttpClientBuilder}): whatever it builds is checked.
     */
    public static HttpClient.Builder builder(HttpClient.Builder delegate, ApiContract contract) {
        return new CheckingBuilder(delegate, contract);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Optional<ApiContract> contract = contractOf.apply(request.uri());
        if (contract.isEmpty()) {
            return delegate.send(request, handler);
        }
        Judged<T> judged = new Judged<>(request, contract.get(), handler);
        HttpResponse<T> response = delegate.send(request, judged);
        judged.judge(response);
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        Optional<ApiContract> contract = contractOf.apply(request.uri());
        if (contract.isEmpty()) {
            return delegate.sendAsync(request, handler, pushPromiseHandler);
        }
        Judged<T> judged = new Judged<>(request, contract.get(), handler);
        return delegate.sendAsync(request, judged, null).thenApply(response -> {
            try {
                judged.judge(response);
            } catch (AssertionError e) {
                throw new CompletionException(e);
            }
            return response;
        });
    }

    /** Reads the body whole before the test's handler gets it, except for an event stream. */
    private static final class Judged<T> implements BodyHandler<T> {

        private final HttpRequest request;
        private final ApiContract contract;
        private final BodyHandler<T> handler;
        private final AtomicReference<byte[]> body = new AtomicReference<>();

        Judged(HttpRequest request, ApiContract contract, BodyHandler<T> handler) {
            this.request = request;
            this.contract = contract;
            this.handler = handler;
        }

        @Override
        public BodySubscriber<T> apply(ResponseInfo info) {
            BodySubscriber<T> downstream = handler.apply(info);
            if (isEventStream(info.headers())) {
                return downstream;
            }
            return BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
                body.set(bytes);
                return handOn(bytes, downstream);
            });
        }

        void judge(HttpResponse<?> response) {
            HttpHeaders headers = response.headers();
            String contentType = headers.firstValue("Content-Type").orElse(null);
            byte[] bytes = body.get();
            contract.assertDocumented(request.method(), request.uri().getRawPath(), response.statusCode(),
                    contentType, headers.map(), bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
        }

        private static boolean isEventStream(HttpHeaders headers) {
            return headers.firstValue("Content-Type").map(type -> type.toLowerCase(Locale.ROOT))
                    .filter(type -> type.startsWith("text/event-stream")).isPresent();
        }

        private static <T> T handOn(byte[] bytes, BodySubscriber<T> downstream) {
            downstream.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    // the whole body is handed on below
                }

                @Override
                public void cancel() {
                    // nothing left to stop
                }
            });
            downstream.onNext(List.of(ByteBuffer.wrap(bytes)));
            downstream.onComplete();
            return downstream.getBody().toCompletableFuture().join();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    private static final class CheckingBuilder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;
        private final ApiContract contract;

        CheckingBuilder(HttpClient.Builder delegate, ApiContract contract) {
            this.delegate = delegate;
            this.contract = contract;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return ContractCheckedHttpClient.of(delegate.build(), contract);
        }
    }
}
