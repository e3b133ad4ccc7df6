package io.ledgerline.testsupport.apidocs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Holds every answer a RestTemplate receives from a service to the service's committed document. The
 * body is read once here and handed on unchanged; an event stream is judged by status and media type
 * alone, since it does not end while the test reads it.
 */
public final class ContractCheckingInterceptor implements ClientHttpRequestInterceptor {

    private final Function<URI, Optional<ApiContract>> contractOf;

    /** @param contractOf the document of the service a request goes to; empty for anything else */
    public ContractCheckingInterceptor(Function<URI, Optional<ApiContract>> contractOf) {
        this.contractOf = contractOf;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        Optional<ApiContract> contract = contractOf.apply(request.getURI());
        if (contract.isEmpty()) {
            return response;
        }
        MediaType contentType = response.getHeaders().getContentType();
        String path = request.getURI().getRawPath();
        if (contentType != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
            contract.get().assertDocumented(request.getMethod().name(), path, response.getStatusCode().value(),
                    contentType.toString(), response.getHeaders(), null);
            return response;
        }
        byte[] answer = response.getBody().readAllBytes();
        contract.get().assertDocumented(request.getMethod().name(), path, response.getStatusCode().value(),
                contentType == null ? null : contentType.toString(), response.getHeaders(),
                new String(answer, contentType != null && contentType.getCharset() != null ? contentType.getCharset()
                        : StandardCharsets.UTF_8));
        return new ReadResponse(response, answer);
    }

    /** The answer with its body already read. */
    private static final class ReadResponse implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final byte[] body;

        ReadResponse(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
