package io.ledgerline.testsupport.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /api/accounts/{accountId}:
                get:
                  responses:
                    "200":
                      description: the account
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Account"}
                    "404":
                      description: unknown
                      content:
                        application/problem+json:
                          schema:
                            allOf:
                            - $ref: "#/components/schemas/Problem"
                            - type: object
                              properties:
                                code: {type: string, enum: [ACCOUNT_NOT_FOUND]}
                                missingId: {type: string}
                    "429":
                      description: too many
                      headers:
                        Retry-After:
                          required: true
                          schema: {type: integer, minimum: 0}
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
              /api/accounts/{accountId}/updates:
                get:
                  responses:
                    "200":
                      description: a stream
                      content:
                        text/event-stream:
                          schema: {type: string}
              /api/accounts/mine:
                get:
                  responses:
                    "204":
                      description: none
            components:
              schemas:
                Account:
                  type: object
                  properties:
                    accountId: {type: string}
                    balance:
                      type: object
                      properties:
                        amount: {type: string, pattern: "^-?[0-9]+\\\\.[0-9]{2}$"}
                        currency: {type: string}
                      required: [amount, currency]
                    closedAt: {type: ["string", "null"]}
                    owner: {type: string}
                    tags:
                      type: object
                      additionalProperties: {type: string}
                  required: [accountId, balance]
                Problem:
                  type: object
                  properties:
                    code: {type: string}
                    status: {type: integer}
                    title: {type: string}
                  required: [code, status]
            """;

    private static final String GOOD_ACCOUNT = """
            {"accountId":"a-1","balance":{"amount":"10.00","currency":"EUR"},"closedAt":null,"tags":{"x":"y"}}""";

    private final ApiContract contract = contract();

    private static ApiContract contract() {
        try {
            return new ApiContract("test.openapi.yaml", new YAMLMapper().readTree(DOCUMENT));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String method, String path, int status, String contentType, Map<String, List<String>> headers,
            String body) {
        contract.assertDocumented(method, path, status, contentType, headers, body);
    }

    private void json(String path, int status, String body) {
        answer("GET", path, status, "application/json", Map.of(), body);
    }

    @Nested
    class Passes {

        @Test
        void an_answer_exactly_as_documented() {
            assertThatCode(() -> json("/api/accounts/a-1?x=1", 200, GOOD_ACCOUNT)).doesNotThrowAnyException();
        }

        @Test
        void a_documented_problem_whose_fields_are_declared_by_the_branches_of_its_all_of() {
            assertThatCode(() -> answer("GET", "/api/accounts/a-1", 404, "application/problem+json;charset=UTF-8",
                    Map.of(), "{\"code\":\"ACCOUNT_NOT_FOUND\",\"status\":404,\"title\":\"Not Found\"}"))
                    .doesNotThrowAnyException();
        }

        @Test
        void a_field_that_an_all_of_adds_to_the_problem_it_extends() {
            assertThatCode(() -> answer("GET", "/api/accounts/a-1", 404, "application/problem+json", Map.of(),
                    "{\"code\":\"ACCOUNT_NOT_FOUND\",\"status\":404,\"missingId\":\"a-1\"}"))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_event_stream_by_its_status_and_media_type_alone() {
            assertThatCode(() -> answer("GET", "/api/accounts/a-1/updates", 200, "text/event-stream", Map.of(),
                    "data: anything\n\n")).doesNotThrowAnyException();
        }

        @Test
        void a_literal_path_before_a_templated_one_and_an_empty_answer_documented_without_content() {
            assertThatCode(() -> answer("GET", "/api/accounts/mine", 204, null, Map.of(), ""))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_unknown_path_answered_with_a_problem() {
            assertThatCode(() -> answer("GET", "/api/nothing", 404, "application/problem+json", Map.of(),
                    "{\"code\":\"NOT_FOUND\",\"status\":404}")).doesNotThrowAnyException();
        }

        @Test
        void an_operational_endpoint_beside_the_api_which_the_document_does_not_describe() {
            assertThatCode(() -> answer("GET", "/actuator/health", 200, "application/vnd.spring-boot.actuator.v3+json",
                    Map.of(), "{\"status\":\"UP\"}")).doesNotThrowAnyException();
        }

        @Test
        void a_required_header_present_with_a_documented_value() {
            assertThatCode(() -> answer("GET", "/api/accounts/a-1", 429, "application/problem+json",
                    Map.of("retry-after", List.of("3")), "{\"code\":\"RATE_LIMITED\",\"status\":429}"))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Fails {

        @Test
        void on_an_undocumented_field() {
            assertThatThrownBy(() -> json("/api/accounts/a-1", 200, GOOD_ACCOUNT.replace("}}", "},\"secret\":1}")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /api/accounts/a-1 answered 200")
                    .hasMessageContaining("secret")
                    .hasMessageContaining("an undocumented field");
        }

        @Test
        void on_an_undocumented_field_of_a_nested_object() {
            assertThatThrownBy(() -> json("/api/accounts/a-1", 200, GOOD_ACCOUNT.replace("\"EUR\"", "\"EUR\",\"x\":1")))
                    .hasMessageContaining("x").hasMessageContaining("an undocumented field");
        }

        @Test
        void on_an_undocumented_field_of_a_problem_although_its_schema_is_an_all_of() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 404, "application/problem+json", Map.of(),
                    "{\"code\":\"ACCOUNT_NOT_FOUND\",\"status\":404,\"stack\":\"at ...\"}"))
                    .hasMessageContaining("stack").hasMessageContaining("an undocumented field");
        }

        @Test
        void on_a_field_of_one_operations_problem_in_a_problem_that_does_not_declare_it() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 429, "application/problem+json",
                    Map.of("Retry-After", List.of("1")), "{\"code\":\"RATE_LIMITED\",\"status\":429,\"missingId\":\"x\"}"))
                    .hasMessageContaining("missingId").hasMessageContaining("an undocumented field");
            assertThatThrownBy(() -> answer("GET", "/api/nothing", 404, "application/problem+json", Map.of(),
                    "{\"code\":\"NOT_FOUND\",\"status\":404,\"missingId\":\"x\"}"))
                    .hasMessageContaining("missingId").hasMessageContaining("an undocumented field");
        }

        @Test
        void on_a_code_the_operation_does_not_document() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 404, "application/problem+json", Map.of(),
                    "{\"code\":\"OTHER\",\"status\":404}"))
                    .hasMessageContaining("/code");
        }

        @Test
        void on_a_wrong_type() {
            assertThatThrownBy(() -> json("/api/accounts/a-1", 200, GOOD_ACCOUNT.replace("\"10.00\"", "10.00")))
                    .hasMessageContaining("/balance/amount").hasMessageContaining("string");
        }

        @Test
        void on_a_null_the_document_does_not_declare() {
            assertThatThrownBy(() -> json("/api/accounts/a-1", 200, GOOD_ACCOUNT.replace("\"closedAt\":null",
                    "\"owner\":null")))
                    .hasMessageContaining("/owner").hasMessageContaining("null");
        }

        @Test
        void on_a_missing_required_field() {
            assertThatThrownBy(() -> json("/api/accounts/a-1", 200, "{\"accountId\":\"a-1\"}"))
                    .hasMessageContaining("balance");
        }

        @Test
        void on_an_undocumented_status() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 500, "application/problem+json", Map.of(),
                    "{\"code\":\"INTERNAL\",\"status\":500}"))
                    .hasMessageContaining("status 500 is not documented for GET /api/accounts/{accountId}")
                    .hasMessageContaining("documented: 200, 404, 429");
        }

        @Test
        void on_an_undocumented_media_type() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 200, "text/html", Map.of(), "<html/>"))
                    .hasMessageContaining("media type text/html is not documented");
        }

        @Test
        void on_a_missing_required_header() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 429, "application/problem+json", Map.of(),
                    "{\"code\":\"RATE_LIMITED\",\"status\":429}"))
                    .hasMessageContaining("required header Retry-After is missing");
        }

        @Test
        void on_a_header_value_of_the_wrong_type() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 429, "application/problem+json",
                    Map.of("Retry-After", List.of("soon")), "{\"code\":\"RATE_LIMITED\",\"status\":429}"))
                    .hasMessageContaining("header Retry-After 'soon'");
        }

        @Test
        void on_a_body_where_none_is_documented() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/mine", 204, "application/json", Map.of(), "{}"))
                    .hasMessageContaining("documents no body");
        }

        @Test
        void on_an_undocumented_method_unless_answered_405_with_a_problem() {
            assertThatThrownBy(() -> answer("DELETE", "/api/accounts/a-1", 200, "application/json", Map.of(), "{}"))
                    .hasMessageContaining("the path documents no DELETE");
            assertThatThrownBy(() -> answer("DELETE", "/api/accounts/a-1", 405, "text/html", Map.of(), "<html/>"))
                    .hasMessageContaining("must be application/problem+json");
            assertThatCode(() -> answer("DELETE", "/api/accounts/a-1", 405, "application/problem+json", Map.of(),
                    "{\"code\":\"METHOD_NOT_ALLOWED\",\"status\":405}")).doesNotThrowAnyException();
        }

        @Test
        void on_an_accept_the_operation_cannot_serve_unless_answered_406_with_a_problem() {
            assertThatThrownBy(() -> answer("GET", "/api/accounts/a-1", 406, "text/plain", Map.of(), "no"))
                    .hasMessageContaining("the operation does not document 406")
                    .hasMessageContaining("must be application/problem+json");
            assertThatCode(() -> answer("GET", "/api/accounts/a-1", 406, "application/problem+json", Map.of(),
                    "{\"code\":\"NOT_ACCEPTABLE\",\"status\":406}")).doesNotThrowAnyException();
        }

        @Test
        void on_an_unknown_path_answered_other_than_with_a_problem() {
            assertThatThrownBy(() -> answer("GET", "/api/nothing", 404, "application/json", Map.of(), "{}"))
                    .hasMessageContaining("no documented path matches");
            assertThatThrownBy(() -> answer("GET", "/api/nothing", 200, "application/json", Map.of(), "{}"))
                    .hasMessageContaining("200 is not one of the answers");
        }
    }

    @Test
    void both_committed_documents_load_and_judge() {
        assertThat(ApiContract.commandSide().violations("GET", "/api/unknown", 404, "application/problem+json",
                Map.of(), "{\"type\":\"https://ledgerline.io/problems/not-found\",\"code\":\"NOT_FOUND\",\"status\":404,"
                + "\"title\":\"Not Found\"}")).isEmpty();
        assertThat(ApiContract.querySide().violations("GET", "/api/unknown", 404, "application/problem+json",
                Map.of(), "{\"code\":\"NOT_FOUND\",\"status\":404,\"title\":\"Not Found\",\"extra\":1}")).isNotEmpty();
    }
}
