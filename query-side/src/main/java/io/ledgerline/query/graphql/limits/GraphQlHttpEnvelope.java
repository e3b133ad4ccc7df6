package io.ledgerline.query.graphql.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.web.BufferedBodyRequest;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.RequestBodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.graphql.MediaTypes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Checks the HTTP envelope of a GraphQL request before Spring for GraphQL reads it: one JSON object with a
 * string {@code query}, as JSON, in UTF-8. Without this a JSON array of operations (a batch), a body that is
 * not JSON or a wrong content type would be answered as a REST problem, not as a GraphQL error; each is
 * answered here as a GraphQL error with a code (400, or 415 for the content type), the REST code where one
 * means the same. The body was bounded by the request body limit already.
 */
public class GraphQlHttpEnvelope extends OncePerRequestFilter {

    private static final MediaType GRAPHQL_JSON = new MediaType("application", "graphql+json");
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final Set<String> MEMBERS = Set.of("query", "operationName", "variables", "extensions");

    private final String path;
    private final ObjectMapper json;

    public GraphQlHttpEnvelope(String path, ObjectMapper json) {
        this.path = path;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || !path.equals(PATHS.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "A GraphQL request is sent as application/json");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLarge tooLarge) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return;
        }
        Refusal refusal = refusalOf(body);
        if (refusal != null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, refusal.code(), refusal.message());
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean utf8 = type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset());
            return utf8 && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || GRAPHQL_JSON.equalsTypeAndSubtype(type));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private Refusal refusalOf(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException malformed) {
            return new Refusal(ErrorCodes.MALFORMED_REQUEST, "The request body is not well-formed UTF-8");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return new Refusal(ErrorCodes.MALFORMED_REQUEST, "The request body is not JSON");
        }
        if (request == null || request.isMissingNode()) {
            return new Refusal(ErrorCodes.MALFORMED_REQUEST, "The request body is empty");
        }
        if (request.isArray()) {
            return new Refusal(GraphQlRefusals.BATCH_NOT_SUPPORTED,
                    "One operation per request: a batch of operations is not supported; send them one by one");
        }
        if (!request.isObject()) {
            return new Refusal(ErrorCodes.MALFORMED_REQUEST, "A GraphQL request is a JSON object with a 'query'");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                return new Refusal(ErrorCodes.INVALID_REQUEST, "Unknown member '" + name + "'; a GraphQL request has "
                        + "query, operationName, variables and extensions");
            }
        }
        JsonNode query = request.path("query");
        if (!query.isTextual() || query.asText().isBlank()) {
            return new Refusal(ErrorCodes.INVALID_REQUEST, "'query' is required, as a string holding the document");
        }
        if (!isNullOr(request.path("operationName"), JsonNode::isTextual)) {
            return new Refusal(ErrorCodes.INVALID_REQUEST, "'operationName' is a string");
        }
        if (!isNullOr(request.path("variables"), JsonNode::isObject) || !isNullOr(request.path("extensions"), JsonNode::isObject)) {
            return new Refusal(ErrorCodes.INVALID_REQUEST, "'variables' and 'extensions' are JSON objects");
        }
        return null;
    }

    private static boolean isNullOr(JsonNode member, Predicate<JsonNode> expected) {
        return member.isMissingNode() || member.isNull() || expected.test(member);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(acceptsGraphQlResponse(request) ? MediaTypes.APPLICATION_GRAPHQL_RESPONSE.toString()
                : MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code, "classification", "BAD_REQUEST")))));
    }

    private static boolean acceptsGraphQlResponse(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(MediaTypes.APPLICATION_GRAPHQL_RESPONSE::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private record Refusal(String code, String message) {
    }
}
