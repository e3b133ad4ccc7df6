package io.ledgerline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class DocumentedRoutesTest {

    private final DocumentedRoutes routes = DocumentedRoutes.fromPackagedDocuments(false);

    @Test
    void routesEveryOperationOfEachDocumentToItsSide() {
        List<ApiOperation> command = DocumentedRoutes.read(Side.COMMAND, "api/command-side.openapi.yaml");
        List<ApiOperation> query = DocumentedRoutes.read(Side.QUERY, "api/query-side.openapi.yaml");
        assertThat(command).hasSizeGreaterThan(15);
        assertThat(query).hasSizeGreaterThan(15);
        for (ApiOperation operation : command) {
            if (!operation.path().equals(DocumentedRoutes.DEV_TOKENS_PATH)) {
                assertThat(routes.sideOf(operation.method().name(), concrete(operation))).as(operation.toString())
                        .contains(Side.COMMAND);
            }
        }
        for (ApiOperation operation : query) {
            assertThat(routes.sideOf(operation.method().name(), concrete(operation))).as(operation.toString())
                    .contains(Side.QUERY);
        }
    }

    @Test
    void documentsOnlyMethodsTheGatewaysClientForTheNodesCanSend() {
        // HttpURLConnection refuses PATCH and any method beyond these
        Set<String> sendable = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
        assertThat(DocumentedRoutes.fromPackagedDocuments(true).operations())
                .allSatisfy(operation -> assertThat(sendable).as(operation.toString()).contains(operation.method().name()));
    }

    @Test
    void splitsAPathBothSidesServeByMethod() {
        assertThat(routes.sideOf("POST", "/api/accounts")).contains(Side.COMMAND);
        assertThat(routes.sideOf("GET", "/api/accounts")).contains(Side.QUERY);
        assertThat(routes.sideOf("PUT", "/api/customers/c-1")).contains(Side.COMMAND);
        assertThat(routes.sideOf("GET", "/api/customers/c-1")).contains(Side.QUERY);
        assertThat(routes.sideOf("GET", "/api/accounts/a-1/events")).contains(Side.QUERY);
    }

    @Test
    void routesNothingElse() {
        assertThat(routes.sideOf("GET", "/api/nothing")).isEmpty();
        assertThat(routes.sideOf("DELETE", "/api/accounts/a-1")).isEmpty();
        assertThat(routes.sideOf("GET", "/api/accounts/a-1/deposits")).isEmpty();
        assertThat(routes.sideOf("GET", "/actuator/health")).isEmpty();
    }

    @Test
    void routesTheDevelopmentTokenIssuerOnlyWhenAskedTo() {
        assertThat(routes.sideOf("POST", DocumentedRoutes.DEV_TOKENS_PATH)).isEmpty();
        assertThat(routes.operations()).noneMatch(operation -> operation.path().equals(DocumentedRoutes.DEV_TOKENS_PATH));
        assertThat(DocumentedRoutes.fromPackagedDocuments(true).sideOf("POST", DocumentedRoutes.DEV_TOKENS_PATH))
                .contains(Side.COMMAND);
        assertThat(DocumentedRoutes.fromPackagedDocuments(true).operations())
                .contains(new ApiOperation(Side.COMMAND, HttpMethod.POST, DocumentedRoutes.DEV_TOKENS_PATH));
    }

    private static String concrete(ApiOperation operation) {
        return operation.path().replaceAll("\\{[^}]+}", "id-1");
    }
}
