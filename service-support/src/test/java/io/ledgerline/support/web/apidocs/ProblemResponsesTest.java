package io.ledgerline.support.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static final String SUCCESS_REF = "#/components/schemas/TransferAccepted";

    @Test
    void describesEveryErrorAsProblemJsonInsteadOfTheSuccessSchema() {
        OpenAPI api = document(command(), null);

        new ProblemResponses((path, method) -> false).customise(api);

        ApiResponses responses = operation(api).getResponses();
        assertThat(responses.get("202").getContent().get("application/json").getSchema().get$ref()).isEqualTo(SUCCESS_REF);
        assertThat(responses.get("422").getContent()).containsOnlyKeys(ProblemResponses.PROBLEM_JSON);
        assertThat(responses.get("422").getContent().get(ProblemResponses.PROBLEM_JSON).getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getRequired()).contains("code", "status");
    }

    @Test
    void addsTheAnswersOfAuthenticationBodiesAndStoresToSecuredOperations() {
        OpenAPI api = document(command(), null);

        new ProblemResponses((path, method) -> false).customise(api);

        assertThat(operation(api).getResponses()).containsKeys("202", "400", "401", "403", "413", "422", "503")
                .doesNotContainKey("429");
        assertThat(operation(api).getResponses().get("401").getDescription()).contains("`UNAUTHENTICATED`");
    }

    @Test
    void namesTheOnlyCodesAnAddedAnswerCanCarryInItsSchema() {
        OpenAPI api = document(command(), null);

        new ProblemResponses((path, method) -> true).customise(api);

        ApiResponses responses = operation(api).getResponses();
        assertThat(codes(responses.get("401"))).containsExactly("UNAUTHENTICATED");
        assertThat(codes(responses.get("400"))).containsExactly("MALFORMED_REQUEST", "INVALID_REQUEST");
        assertThat(codes(responses.get("429"))).containsExactly("RATE_LIMITED");
        assertThat(problemSchema(responses.get("401")).getAllOf().get(0).get$ref())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void addsItsCodesToAnAnswerThatAlreadyNamesTheOperationsOwn() {
        Operation operation = command();
        ProblemCodes.document(operation.getResponses(), "400", "INVALID_IDEMPOTENCY_KEY", "the key is unusable");
        ProblemCodes.document(operation.getResponses(), "409", "VERSION_CONFLICT", "stale");
        OpenAPI api = document(operation, null);

        new ProblemResponses((path, method) -> false).customise(api);

        ApiResponse badRequest = operation(api).getResponses().get("400");
        assertThat(codes(badRequest)).containsExactly("INVALID_IDEMPOTENCY_KEY", "MALFORMED_REQUEST", "INVALID_REQUEST");
        assertThat(badRequest.getDescription()).contains("`INVALID_IDEMPOTENCY_KEY`: the key is unusable",
                "`MALFORMED_REQUEST`", "`INVALID_REQUEST`");
        assertThat(codes(operation(api).getResponses().get("409"))).containsExactly("VERSION_CONFLICT");
    }

    @Test
    void documentsWhatTheWebServerAnswersBeforeAnOperationIsChosenOnEveryOperation() {
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths().addPathItem("/api/customers/{id}/erasure",
                new PathItem()
                        .post(new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse())))
                        .get(new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse())))));

        new ProblemResponses((path, method) -> false).customise(api);

        PathItem item = api.getPaths().get("/api/customers/{id}/erasure");
        assertThat(codes(item.getPost().getResponses().get("400"))).containsExactly("MALFORMED_REQUEST");
        assertThat(codes(item.getPost().getResponses().get("413"))).as("a body sent where none is expected")
                .containsExactly("PAYLOAD_TOO_LARGE");
        assertThat(codes(item.getGet().getResponses().get("400"))).containsExactly("MALFORMED_REQUEST");
        assertThat(codes(item.getGet().getResponses().get("413"))).containsExactly("PAYLOAD_TOO_LARGE");
    }

    @Test
    void addsNoAuthenticationAnswersToAnOperationWithoutSecurity() {
        OpenAPI api = document(command(), List.of());

        new ProblemResponses((path, method) -> false).customise(api);

        assertThat(operation(api).getResponses()).doesNotContainKeys("401", "403", "503");
    }

    @Test
    void documentsTheRateLimitOnEveryAnswerOfALimitedOperation() {
        OpenAPI api = document(command(), null);

        new ProblemResponses((path, method) -> path.equals("/api/transfers") && method == PathItem.HttpMethod.POST)
                .customise(api);

        ApiResponses responses = operation(api).getResponses();
        assertThat(responses.get("429").getHeaders()).containsKeys("Retry-After", "RateLimit-Limit");
        assertThat(responses.get("202").getHeaders()).containsKeys("RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset");
    }

    private static Schema<?> problemSchema(ApiResponse response) {
        return response.getContent().get(ProblemResponses.PROBLEM_JSON).getSchema();
    }

    private static List<Object> codes(ApiResponse response) {
        Schema<?> codeSchema = (Schema<?>) problemSchema(response).getAllOf().get(1).getProperties().get("code");
        return List.copyOf(codeSchema.getEnum());
    }

    private static Operation command() {
        Content success = new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(SUCCESS_REF)));
        return new Operation()
                .requestBody(new RequestBody().content(new Content()))
                .responses(new ApiResponses()
                        .addApiResponse("202", new ApiResponse().description("accepted").content(success))
                        .addApiResponse("422", new ApiResponse().description("UNKNOWN_ACCOUNT").content(success)));
    }

    private static OpenAPI document(Operation operation, List<SecurityRequirement> operationSecurity) {
        operation.setSecurity(operationSecurity);
        return new OpenAPI()
                .components(new Components())
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .paths(new Paths().addPathItem("/api/transfers", new PathItem().post(operation)));
    }

    private static Operation operation(OpenAPI api) {
        return api.getPaths().get("/api/transfers").getPost();
    }
}
