package io.ledgerline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.apidocs.CommittedApiDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query side's published OpenAPI document: valid, exact about its answers, and as committed. */
class ApiDocumentIT extends QuerySideIT {

    @Test
    void publishesAValidDocumentWithoutTheErrorControllerAndWithEachTagOnce() {
        CommittedApiDocument.assertPublishable(http.getForEntity("/v3/api-docs", String.class).getBody(),
                "Ledgerline query API");
    }

    @Test
    void servesTheCommittedOpenApiDocument() {
        new CommittedApiDocument("query-side.openapi.yaml").assertServedAsCommitted(
                http.getForEntity("/v3/api-docs", String.class).getBody());
    }

    @Test
    void namesTheCodesOfEveryErrorAnswerInItsSchema() throws Exception {
        JsonNode paths = document().path("paths");

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(answer -> {
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        assertThat(codes(answer.getValue())).as("%s %s %s", operation.getKey(), path.getKey(),
                                answer.getKey()).isNotEmpty();
                    }
                })));
        JsonNode account = paths.path("/api/accounts/{accountId}").path("get").path("responses");
        assertThat(codes(account.path("400"))).containsExactly("INVALID_REQUEST", "MALFORMED_REQUEST");
        assertThat(codes(account.path("404"))).containsExactly("NOT_FOUND");
        assertThat(codes(account.path("409"))).containsExactly("VERSION_NOT_YET_PROJECTED");
        assertThat(codes(account.path("429"))).containsExactlyInAnyOrder("RATE_LIMITED", "TOO_MANY_WAITS");
        assertThat(codes(account.path("503"))).containsExactlyInAnyOrder("STORE_UNAVAILABLE", "TOO_MANY_WAITS");
        assertThat(codes(paths.path("/api/search/transactions").path("get").path("responses").path("503")))
                .containsExactlyInAnyOrder("STORE_UNAVAILABLE", "SEARCH_UNAVAILABLE");
        assertThat(codes(paths.path("/api/admin/parked-events/{id}").path("get").path("responses").path("400")))
                .containsExactly("INVALID_REQUEST", "MALFORMED_REQUEST");
        // no parameter of its own to refuse: only what the web server refuses before any operation is chosen
        assertThat(codes(paths.path("/api/admin/rebuilds/{id}").path("get").path("responses").path("400")))
                .containsExactly("MALFORMED_REQUEST");
        assertThat(codes(paths.path("/api/admin/rebuilds/{id}/cancel").path("post").path("responses").path("409")))
                .containsExactly("REBUILD_NOT_CANCELLABLE");
    }

    @Test
    void requiresEveryFieldOfAnAnswerAndLetsOnlyWhatCanBeNullBeNull() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");

        for (String answer : List.of("AccountResponse", "PageResponseAccountResponse", "StatementLineResponse",
                "PageResponseStatementLineResponse", "CustomerView", "TransferView", "AccountSearchResponse",
                "AccountDocument", "TransactionSearchResponse", "AuditSearchResponse", "AuditDocument",
                "ParkedEvent", "RetryOutcome", "ProjectionStatus", "PartitionPosition", "RebuildResponse")) {
            assertThat(required(schemas.path(answer))).as(answer)
                    .containsExactlyInAnyOrderElementsOf(properties(schemas.path(answer)));
        }
        // a total is of a type or of a month, and leaves the other out
        assertThat(required(schemas.path("TransactionTotal"))).containsExactlyInAnyOrder("currency", "count", "amount");
        assertThat(types(schemas, "TransferView", "failureReason")).containsExactly("string", "null");
        assertThat(types(schemas, "TransferView", "status")).containsExactly("string");
        assertThat(types(schemas, "AccountResponse", "ownerName")).containsExactly("string", "null");
        assertThat(types(schemas, "AccountResponse", "balance")).containsExactly("string");
        assertThat(schemas.path("AccountResponse").path("properties").path("balance").path("example").isTextual())
                .isTrue();
        assertThat(types(schemas, "AuditDocument", "payload")).containsExactly("object");
        assertThat(schemas.has("JsonNode")).as("a payload described as the JsonNode class").isFalse();
    }

    @Test
    void statesTheLimitsOfEveryQueryParameter() throws Exception {
        JsonNode paths = document().path("paths");

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    JsonNode schema = parameter.path("schema");
                    boolean bounded = schema.has("maxLength") || schema.has("enum") || schema.has("maximum")
                            || schema.path("type").asText().equals("boolean");
                    assertThat(bounded).as("%s %s %s", operation.getKey(), path.getKey(),
                            parameter.path("name").asText()).isTrue();
                })));
        JsonNode search = paths.path("/api/search/transactions").path("get").path("parameters");
        assertThat(parameter(search, "q").path("maxLength").asInt()).isEqualTo(200);
        assertThat(parameter(search, "minAmount").path("pattern").asText()).isEqualTo(QueryParameterLimits.AMOUNT);
        assertThat(parameter(search, "page").path("maximum").asInt()).isEqualTo(9_999);
        assertThat(parameter(search, "size").path("maximum").asInt()).isEqualTo(100);
    }

    private JsonNode document() throws Exception {
        return json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody());
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).as("properties").isNotEmpty();
        return names;
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<String> types(JsonNode schemas, String schema, String property) {
        JsonNode type = schemas.path(schema).path("properties").path(property).path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(name -> types.add(name.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("content").path("application/problem+json").path("schema").path("allOf").path(1)
                .path("properties").path("code").path("enum").forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
