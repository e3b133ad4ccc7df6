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
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
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
                new Header().description(description).schema(new IntegerSchema())));
        boolean securedByDefault = api.getSecurity() != null && !api.getSecurity().isEmpty();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses();
            boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
            if (secured) {
                addIfAbsent(responses, "401", ErrorCodes.UNAUTHENTICATED + ": no valid bearer token of the configured issuer");
                addIfAbsent(responses, "403", ErrorCodes.FORBIDDEN + ": the caller's roles do not allow this request");
                addIfAbsent(responses, "503", ErrorCodes.STORE_UNAVAILABLE + ": a store the request needs does not "
                        + "answer; nothing was changed, retry later");
            }
            if (operation.getRequestBody() != null) {
                addIfAbsent(responses, "400", ErrorCodes.MALFORMED_REQUEST + " or " + ErrorCodes.INVALID_REQUEST);
                addIfAbsent(responses, "413", ErrorCodes.PAYLOAD_TOO_LARGE);
            }
            if (rateLimited.test(path, method)) {
                addIfAbsent(responses, "429", ErrorCodes.RATE_LIMITED + ": over the caller's rate limit; "
                        + "Retry-After says when to try again");
                responses.get("429").addHeaderObject("Retry-After",
                        new Header().description("Seconds until a request is allowed again").schema(new IntegerSchema()));
                responses.values().forEach(ProblemResponses::addRateLimitHeaders);
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                }
            });
        }));
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static void addRateLimitHeaders(ApiResponse response) {
        RATE_LIMIT_HEADERS.keySet().forEach(name -> response.addHeaderObject(name,
                new Header().$ref("#/components/headers/" + name)));
    }

    /** RFC 9457 problem details with the stable {@code code} every Ledgerline error carries. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. `code` is stable and names the problem; `type` is derived from it.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z_]*$"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("INVALID_REQUEST only: each field that is invalid and why"))
                .required(List.of("type", "title", "status", "code"));
    }
}
