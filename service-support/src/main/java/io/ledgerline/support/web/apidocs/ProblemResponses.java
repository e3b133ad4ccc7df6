package io.ledgerline.support.web.apidocs;

import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.ratelimit.RateLimitFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the answers that no controller declares, because filters and the shared error
 * handling give them: every error is {@code application/problem+json} of the schema
 * {@value #PROBLEM}, a secured operation may answer 401 and 403, one with a body 400 and 413, one
 * behind a store 503, and a rate-limited one 429 with {@code Retry-After} and the RateLimit header
 * fields on every answer. Springdoc would otherwise describe an error with the success schema.
 */
public class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> RATE_LIMIT_HEADERS = new TreeMap<>(Map.of(
            RateLimitFilter.LIMIT, "Requests allowed in a burst",
            RateLimitFilter.REMAINING, "Requests left in the current burst",
            RateLimitFilter.RESET, "Seconds until the full burst is available again"));

    private final BiPredicate<String, PathItem.HttpMethod> rateLimited;

    /** @param rateLimited whether the service limits the operation of this path and method */
    public ProblemResponses(BiPredicate<String, PathItem.HttpMethod> rateLimited) {
        this.rateLimited = rateLimited;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        RATE_LIMIT_HEADERS.forEach((name, description) -> api.getComponents().addHeaders(name,
                new Header().description(description).schema(new IntegerSchema().format("int64")
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE)))));
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses();
            boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
            if (secured) {
                ProblemCodes.document(responses, "401", ErrorCodes.UNAUTHENTICATED,
                        "no valid bearer token of the configured issuer");
                ProblemCodes.document(responses, "403", ErrorCodes.FORBIDDEN, "the caller's roles do not allow this request");
                ProblemCodes.document(responses, "503", ErrorCodes.STORE_UNAVAILABLE, "a store the request needs does not "
                        + "answer; nothing was changed, retry later");
            }
            if (operation.getRequestBody() != null) {
                ProblemCodes.document(responses, "400", ErrorCodes.MALFORMED_REQUEST,
                        "the body is not one well-formed JSON value of the documented shape");
                ProblemCodes.document(responses, "400", ErrorCodes.INVALID_REQUEST,
                        "a value breaks a limit of its schema; `errors` names each field and why");
            }
            // the web server answers these before any operation is chosen, whatever the operation expects: a
            // body may come with any method
            ProblemCodes.document(responses, "400", ErrorCodes.MALFORMED_REQUEST, "the request was refused before it "
                    + "reached the application: its path holds an encoded slash or backslash, or its request line "
                    + "or a header is malformed");
            ProblemCodes.document(responses, "413", ErrorCodes.PAYLOAD_TOO_LARGE, "the body is larger than the "
                    + "service accepts");
            if (rateLimited.test(path, method)) {
                ProblemCodes.document(responses, "429", ErrorCodes.RATE_LIMITED, "over the caller's rate limit; "
                        + "Retry-After says when to try again");
                responses.get("429").addHeaderObject("Retry-After", new Header()
                        .description("Seconds until a request is allowed again").required(true)
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(Long.MAX_VALUE))));
                responses.values().forEach(ProblemResponses::addRateLimitHeaders);
            }
            responses.forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && !ProblemCodes.namesCodes(response)) {
                    response.content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                }
            });
        }));
    }

    private static void addRateLimitHeaders(ApiResponse response) {
        RATE_LIMIT_HEADERS.keySet().forEach(name -> response.addHeaderObject(name,
                new Header().$ref("#/components/headers/" + name)));
    }

    /**
     * RFC 9457 problem details with the stable {@code code} every Ledgerline error carries. The
     * bounds hold for every problem the services write: a detail may quote a rejected query
     * parameter, which the web server caps with the request line at 8 KiB.
     */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().maxLength(200))
                .addProperty("message", new StringSchema().maxLength(1000))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. `code` is stable and names the problem; `type` is derived from it; "
                        + "`traceId` names the request's trace, when it was traced.")
                .addProperty("type", new StringSchema().format("uri").maxLength(2048))
                .addProperty("title", new StringSchema().maxLength(200))
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(16_384))
                .addProperty("instance", new StringSchema().format("uri-reference").maxLength(16_384))
                .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z_]*$").maxLength(64))
                .addProperty("traceId", new StringSchema().pattern("^[0-9a-f]{16}([0-9a-f]{16})?$").maxLength(32)
                        .description("The trace of the request, when it was traced: quote it when reporting the problem"))
                .addProperty("errors", new ArraySchema().items(fieldError).maxItems(1000)
                        .description("INVALID_REQUEST only: each field that is invalid and why"))
                .required(List.of("type", "title", "status", "code"));
    }
}
