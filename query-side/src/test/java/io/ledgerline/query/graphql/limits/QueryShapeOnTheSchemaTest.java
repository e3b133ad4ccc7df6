package io.ledgerline.query.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field budget against the service's own schema, for the queries the README and the benchmark show. */
class QueryShapeOnTheSchemaTest {

    private final GraphQLSchema schema = schema();

    @Test
    void theReadmesCustomerWithAccountsAndTheirLastTenLinesIsWithinTheBudget() {
        String readme = "query($id: ID!) { customer(id: $id) { name accounts(first: 20) { edges { node { id currency balance "
                + "statement(first: 10) { edges { node { occurredAt type amount description counterpartyName } } "
                + "pageInfo { hasNextPage endCursor } } } } } } }";

        assertThat(fields(readme)).isEqualTo(1384).isLessThanOrEqualTo(GraphQlLimits.defaults().maxFields());
    }

    @Test
    void theSameWithFullPagesIsNot() {
        String fullPages = "{ customer(id: \"c\") { accounts(first: 100) { edges { node { id statement(first: 100) "
                + "{ edges { node { amount } } } } } } } }";

        assertThatThrownBy(() -> fields(fullPages)).isInstanceOfSatisfying(QueryRefused.class,
                refused -> assertThat(refused.code()).isEqualTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void countsTheSubscriptionsToo() {
        assertThat(fields("subscription { accountUpdated(accountId: \"a\") { balance version owner { name } } }"))
                .isEqualTo(5);
    }

    private long fields(String query) {
        return QueryShape.fields(Parser.parse(query), schema, Map.of(), GraphQlLimits.defaults());
    }

    private static GraphQLSchema schema() {
        try (InputStream sdl = QueryShapeOnTheSchemaTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(new String(sdl.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
