package io.ledgerline.query.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.introspection.IntrospectionQuery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * The limits on a schema of the API's shape (connections with {@code first}, a list, nesting back to the
 * owner), through Spring for GraphQL's own handler chain with the limits' interceptor and instrumentation.
 */
class GraphQlLimitsTest {

    private static final String SCHEMA = """
            type Query {
              account(id: ID!): Account
              customer(id: ID!): Customer
              accounts(first: Int, after: String): AccountConnection
              searchAccounts(q: String!, first: Int): [Account!]!
            }
            type Subscription { accountUpdated(accountId: ID!): Account }
            type Account {
              id: ID!
              balance: String!
              owner: Customer
              statement(first: Int): StatementConnection
            }
            type Customer { id: ID! name: String accounts(first: Int): AccountConnection }
            type AccountConnection { edges: [AccountEdge!]! pageInfo: PageInfo! }
            type AccountEdge { cursor: String! node: Account! }
            type StatementConnection { edges: [StatementEdge!]! pageInfo: PageInfo! }
            type StatementEdge { cursor: String! node: StatementLine! }
            type StatementLine { amount: String! description: String }
            type PageInfo { hasNextPage: Boolean! }
            """;

    private static final Map<String, Object> ACCOUNT = Map.of("id", "acc-1", "balance", "10.00");

    private final WebGraphQlHandler handler = handler(true);

    @Nested
    class Size {

        @Test
        void refusesADocumentAboveEightKilobytesBeforeParsingIt() {
            String unparsable = "{ account(id: \"acc-1\") { id " + "#".repeat(8200);

            assertThat(codes(execute(unparsable))).containsExactly("QUERY_TOO_LARGE");
        }

        @Test
        void countsTheSizeInUtf8Bytes() {
            // 3 000 characters of three bytes each: 9 000 bytes
            String query = "{ account(id: \"acc-1\") { id } } # " + "€".repeat(3000);

            assertThat(codes(execute(query))).containsExactly("QUERY_TOO_LARGE");
        }

        @Test
        void answersADocumentOfEightKilobytes() {
            String base = "{ account(id: \"acc-1\") { id } }\n#";
            String query = base + "x".repeat(8192 - base.length());

            WebGraphQlResponse response = execute(query);

            assertThat(response.getErrors()).isEmpty();
            assertThat(query.getBytes(StandardCharsets.UTF_8)).hasSize(8192);
        }
    }

    @Nested
    class Depth {

        @Test
        void answersAQueryTenFieldsDeep() {
            String query = "{ customer(id: \"c\") { accounts(first: 1) { edges { node { owner { accounts(first: 1) "
                    + "{ edges { node { owner { id } } } } } } } } } }";

            assertThat(execute(query).getErrors()).isEmpty();
        }

        @Test
        void refusesAQueryElevenFieldsDeep() {
            String query = "{ customer(id: \"c\") { accounts(first: 1) { edges { node { owner { accounts(first: 1) "
                    + "{ edges { node { owner { name accounts(first: 1) { pageInfo { hasNextPage } } } } } } } } } } } }";

            WebGraphQlResponse response = execute(query);

            assertThat(codes(response)).containsExactly("QUERY_TOO_DEEP");
            assertThat(response.getExecutionResult().isDataPresent()).isFalse();
        }

        @Test
        void countsTheDepthThroughFragments() {
            String query = """
                    { customer(id: "c") { ...Owned } }
                    fragment Owned on Customer { accounts(first: 1) { edges { node { ...Owner } } } }
                    fragment Owner on Account { owner { ...OwnedAgain } }
                    fragment OwnedAgain on Customer { accounts(first: 1) { edges { node { owner { accounts(first: 1) { pageInfo { hasNextPage } } } } } } }
                    """;

            assertThat(codes(execute(query))).containsExactly("QUERY_TOO_DEEP");
        }

        @Test
        void leavesACycleOfFragmentsToValidation() {
            String query = """
                    { customer(id: "c") { ...Owned } }
                    fragment Owned on Customer { accounts(first: 1) { edges { node { ...Owner } } } }
                    fragment Owner on Account { owner { ...Owned } }
                    """;

            assertThat(codes(execute(query))).isNotEmpty().allMatch("INVALID_REQUEST"::equals);
        }

        @Test
        void leavesTheStandardIntrospectionQueryToGraphqlJavasOwnLimits() {
            WebGraphQlResponse response = execute(IntrospectionQuery.INTROSPECTION_QUERY);

            assertThat(response.getErrors()).isEmpty();
            assertThat((Map<String, Object>) response.getData()).containsKey("__schema");
        }
    }

    @Nested
    class FieldBudget {

        @Test
        void answersACustomerWithTwentyAccountsAndTheirLastTenLines() {
            String query = "{ customer(id: \"c\") { name accounts(first: 20) { edges { node { id balance "
                    + "statement(first: 10) { edges { node { amount description } } } } } } } }";

            assertThat(execute(query).getErrors()).isEmpty();
        }

        @Test
        void refusesPagesWhoseProductPassesTheBudget() {
            String query = "{ accounts(first: 100) { edges { node { statement(first: 100) { edges { node { amount } } } } } } }";

            assertThat(codes(execute(query))).containsExactly("QUERY_TOO_COMPLEX");
        }

        @Test
        void readsFirstFromTheVariables() {
            String query = "query($n: Int) { accounts(first: $n) { edges { node { statement(first: $n) "
                    + "{ edges { node { amount } } } } } } }";

            assertThat(codes(execute(query, Map.of("n", 100)))).containsExactly("QUERY_TOO_COMPLEX");
            assertThat(execute(query, Map.of("n", 5)).getErrors()).isEmpty();
        }

        @Test
        void countsAListWithoutFirstAtTheAssumedSize() {
            String twoLevels = "{ accounts { edges { node { statement { edges { node { amount description } } } "
                    + "owner { accounts { edges { node { id balance } } } } } } } }";

            assertThat(codes(execute(twoLevels))).containsExactly("QUERY_TOO_COMPLEX");
        }

        @Test
        void refusesAFragmentBombInBoundedTime() {
            StringBuilder query = new StringBuilder("{ account(id: \"acc-1\") { ...F0 } }\n");
            for (int level = 0; level < 30; level++) {
                query.append("fragment F").append(level).append(" on Account { ");
                query.append(level == 29 ? "id balance" : "...F" + (level + 1) + " owner { accounts(first: 1) "
                        + "{ pageInfo { hasNextPage } } } ");
                query.append(" }\n");
            }
            // each level spreads the next once but the answer doubles with it: 2^30 fields if expanded naively
            for (int level = 0; level < 29; level++) {
                query.insert(query.indexOf("fragment F" + level + " on Account { ") + ("fragment F" + level
                        + " on Account { ").length(), "...F" + (level + 1) + " ");
            }

            WebGraphQlResponse response = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> execute(query.toString()));

            assertThat(codes(response)).containsExactly("QUERY_TOO_COMPLEX");
        }
    }

    @Nested
    class Aliases {

        @Test
        void answersThirtyAliases() {
            assertThat(execute(aliased(30)).getErrors()).isEmpty();
        }

        @Test
        void refusesThirtyOne() {
            assertThat(codes(execute(aliased(31)))).containsExactly("TOO_MANY_ALIASES");
        }

        private static String aliased(int count) {
            return IntStream.range(0, count).mapToObj(i -> "a" + i + ": account(id: \"acc-" + i + "\") { id }")
                    .collect(Collectors.joining(" ", "{ ", " }"));
        }
    }

    @Nested
    class ErrorsBeforeExecution {

        @Test
        void codesASyntaxError() {
            assertThat(codes(execute("{ account(id: \"acc-1\") { id "))).containsExactly("MALFORMED_REQUEST");
        }

        @Test
        void codesAnUnknownField() {
            assertThat(codes(execute("{ account(id: \"acc-1\") { password } }"))).containsExactly("INVALID_REQUEST");
        }

        @Test
        void codesAVariableOfTheWrongType() {
            String query = "query($n: Int) { accounts(first: $n) { pageInfo { hasNextPage } } }";

            assertThat(codes(execute(query, Map.of("n", "many")))).containsExactly("INVALID_REQUEST");
        }

        @Test
        void codesAMissingRequiredVariable() {
            String query = "query($id: ID!) { account(id: $id) { id } }";

            assertThat(codes(execute(query, Map.of()))).containsExactly("INVALID_REQUEST");
        }

        @Test
        void codesAnUnknownOperationName() {
            WebGraphQlResponse response = execute("query A { account(id: \"a\") { id } } query B { account(id: \"b\") { id } }",
                    Map.of(), "C");

            assertThat(codes(response)).containsExactly("INVALID_REQUEST");
        }

        @Test
        void keepsTheMessageAndLocationOfTheOriginalError() {
            ResponseError error = execute("{ account(id: \"acc-1\") { password } }").getErrors().get(0);

            assertThat(error.getMessage()).contains("password");
            assertThat(error.getLocations()).isNotEmpty();
        }
    }

    @Nested
    class Introspection {

        @Test
        void isRefusedWithACodeWhereItIsDisabled() {
            WebGraphQlResponse response = execute(handler(false), "{ __schema { queryType { name } } }", Map.of(), null);

            assertThat(codes(response)).containsExactly("INTROSPECTION_DISABLED");
        }

        @Test
        void isRefusedForASingleTypeToo() {
            WebGraphQlResponse response = execute(handler(false), "{ __type(name: \"Account\") { name } }", Map.of(), null);

            assertThat(codes(response)).containsExactly("INTROSPECTION_DISABLED");
        }

        @Test
        void leavesTypenameAnswered() {
            WebGraphQlResponse response = execute(handler(false), "{ account(id: \"a\") { __typename id } }", Map.of(), null);

            assertThat(response.getErrors()).isEmpty();
        }
    }

    private WebGraphQlResponse execute(String query) {
        return execute(query, Map.of());
    }

    private WebGraphQlResponse execute(String query, Map<String, Object> variables) {
        return execute(query, variables, null);
    }

    private WebGraphQlResponse execute(String query, Map<String, Object> variables, String operationName) {
        return execute(handler, query, variables, operationName);
    }

    private static WebGraphQlResponse execute(WebGraphQlHandler handler, String query, Map<String, Object> variables,
            String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null,
                null, Map.of(), body, UUID.randomUUID().toString(), Locale.ENGLISH);
        return handler.handleRequest(request).block(Duration.ofSeconds(10));
    }

    private static List<Object> codes(WebGraphQlResponse response) {
        return response.getErrors().stream().map(error -> error.getExtensions().get("code")).toList();
    }

    private static WebGraphQlHandler handler(boolean introspection) {
        GraphQlLimits limits = GraphQlLimits.defaults();
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
                .configureRuntimeWiring(wiring -> wiring.type("Query", type -> type
                        .dataFetcher("account", environment -> ACCOUNT)
                        .dataFetcher("customer", environment -> Map.of("id", "c", "name", "Ada"))
                        .dataFetcher("accounts", environment -> Map.of("edges", List.of(), "pageInfo",
                                Map.of("hasNextPage", false)))
                        .dataFetcher("searchAccounts", environment -> List.of(ACCOUNT))))
                .instrumentation(List.of(new QueryLimitsInstrumentation(limits)))
                .build();
        return WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source))
                .interceptor(new GraphQlRequestLimits(limits, introspection)).build();
    }
}
