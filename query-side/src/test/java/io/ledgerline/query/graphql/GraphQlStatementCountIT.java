package io.ledgerline.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.graphql.GraphQlClient.Answer;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.security.TestTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nested fields load in batches: a customer's accounts, their owners and their statements cost one
 * statement each, however many accounts the customer has (no N+1).
 */
class GraphQlStatementCountIT extends QuerySideIT {

    private static final int ACCOUNTS = 20;
    private static final int LINES = 10;

    @Autowired
    TestTokens tokens;

    @Autowired
    StatementCounter statements;

    @Test
    void aCustomerWithTwentyAccountsAndTheirStatementsIsAtMostFourStatements() throws Exception {
        CustomerId customer = ledger.customer("Nora Batch", "nora-" + UUID.randomUUID() + "@example.org");
        for (int account = 0; account < ACCOUNTS; account++) {
            AccountId id = ledger.account(customer, "EUR");
            for (int line = 1; line <= LINES; line++) {
                ledger.deposit(id, "1.00 EUR", line + ".00 EUR", "deposit " + line);
            }
        }
        String token = tokens.token("nora-batch", List.of(Roles.CUSTOMER), customer.toString());
        GraphQlClient graphQl = new GraphQlClient(http.getRootUri(), json);
        String query = """
                query($id: ID!) { customer(id: $id) { name
                  accounts(first: 20) { edges { node { id balance owner { name }
                    statement(first: 10) { edges { node { sequence amount description counterpartyName } } } } } } } }""";
        org.awaitility.Awaitility.await().atMost(EVENTUALLY).until(() -> projectedLines(graphQl, token, customer, query)
                == ACCOUNTS * LINES);

        AtomicReference<Answer> answer = new AtomicReference<>();
        List<StatementCounter.Sent> sent = statements.during(() ->
                answer.set(graphQl.query(token, query, Map.of("id", customer.toString()))));

        List<StatementCounter.Sent> ofTheRequest = sent.stream().filter(one -> one.thread().startsWith("http-nio"))
                .toList();
        JsonNode accounts = answer.get().data().path("customer").path("accounts").path("edges");
        assertThat(accounts).hasSize(ACCOUNTS);
        accounts.forEach(account -> {
            assertThat(account.path("node").path("owner").path("name").asText()).isEqualTo("Nora Batch");
            assertThat(account.path("node").path("statement").path("edges")).hasSize(LINES);
            assertThat(new BigDecimal(account.path("node").path("balance").asText())).isEqualByComparingTo("10");
        });
        System.out.printf("[graphql] one customer, %d accounts, their owners and %d lines each: %d SQL statements%n",
                ACCOUNTS, LINES, ofTheRequest.size());
        assertThat(ofTheRequest).as("the statements of the request, of all sent: %s", sent).hasSizeLessThanOrEqualTo(4);
        // each read model was read, by the request's own threads: none of the work escaped the count
        assertThat(ofTheRequest).extracting(StatementCounter.Sent::sql)
                .anyMatch(sql -> sql.contains("customer_view"))
                .anyMatch(sql -> sql.contains("account_view"))
                .anyMatch(sql -> sql.contains("statement_line"));
    }

    private static int projectedLines(GraphQlClient graphQl, String token, CustomerId customer, String query)
            throws Exception {
        JsonNode accounts = graphQl.query(token, query, Map.of("id", customer.toString())).data().path("customer")
                .path("accounts").path("edges");
        int lines = 0;
        for (JsonNode account : accounts) {
            lines += account.path("node").path("statement").path("edges").size();
        }
        return accounts.size() == ACCOUNTS ? lines : -1;
    }
}
