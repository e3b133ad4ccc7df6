package io.ledgerline.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.graphql.GraphQlClient.Answer;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.security.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every query field of the GraphQL API over HTTP, against the read models projected from real events. */
class GraphQlQueriesIT extends QuerySideIT {

    private static final String ACCOUNT_FIELDS = """
            id customerId ownerName currency balance availableBalance overdraftLimit status version openedAt updatedAt""";
    private static final String LINE_FIELDS = """
            accountId sequence type amount currency balanceAfter description reference externalReference transferId
            counterpartyAccountId counterpartyName reasonCode reason occurredAt eventId""";

    @Autowired
    TestTokens tokens;

    private GraphQlClient graphQl;

    /** Published once, the query side is one shared context: Ada with two accounts, a transfer to Bob. */
    private static CustomerId ada;
    private static AccountId adaMain;
    private static AccountId adaSavings;
    private static CustomerId bob;
    private static AccountId bobAccount;
    private static TransferId adaToBob;

    @BeforeEach
    void customersProjected() throws Exception {
        graphQl = new GraphQlClient(http.getRootUri(), json);
        if (ada != null) {
            return;
        }
        String marker = UUID.randomUUID().toString().substring(0, 8);
        CustomerId adaId = ledger.customer("Ada Graphson", "ada-" + marker + "@example.org");
        CustomerId bobId = ledger.customer("Bob Graphson", "bob-" + marker + "@example.org");
        AccountId main = ledger.account(adaId, "EUR");
        AccountId savings = ledger.account(adaId, "EUR");
        AccountId bobs = ledger.account(bobId, "EUR");
        ledger.deposit(main, "100.00 EUR", "100.00 EUR", "salary " + marker, "INV-" + marker, "PAY-" + marker);
        ledger.withdraw(main, "12.50 EUR", "87.50 EUR", "groceries " + marker);
        ledger.deposit(main, "0.05 EUR", "87.55 EUR", "interest " + marker);
        ledger.deposit(savings, "1000.00 EUR", "1000.00 EUR", "savings " + marker);
        TransferId transfer = ledger.transfer(main, "57.55 EUR", bobs, "30.00 EUR", "30.00 EUR");
        eventually("/api/transfers/" + transfer, found -> found.path("status").asText().equals("COMPLETED"));
        eventually("/api/accounts/" + main + "/transactions", found -> found.path("totalItems").asLong() == 4);
        eventually("/api/search/transactions?accountId=" + main, found -> found.path("total").asLong() == 4);
        eventually("/api/search/accounts?q=" + adaId, found -> found.path("total").asLong() == 2);
        ada = adaId;
        adaMain = main;
        adaSavings = savings;
        bob = bobId;
        bobAccount = bobs;
        adaToBob = transfer;
    }

    private String adaToken() {
        return tokens.token("ada-graphql", List.of(Roles.CUSTOMER), ada.toString());
    }

    private Answer query(String query, Map<String, Object> variables) throws Exception {
        Answer answer = graphQl.query(tokens.staff(), query, variables);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    @Nested
    class Account {

        @Test
        void answersTheFieldsAsRestAnswersThem() throws Exception {
            JsonNode rest = get("/api/accounts/{id}", adaMain);

            Answer answer = query("query($id: ID!) { account(id: $id) { " + ACCOUNT_FIELDS + " } }",
                    Map.of("id", adaMain.toString()));

            JsonNode account = answer.data().path("account");
            assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
            assertThat(account.path("id").asText()).isEqualTo(rest.path("accountId").asText());
            for (String field : List.of("customerId", "ownerName", "currency", "balance", "availableBalance",
                    "overdraftLimit", "status", "openedAt", "updatedAt")) {
                assertThat(account.path(field)).as(field).isEqualTo(rest.path(field));
            }
            assertThat(account.path("balance").isTextual()).isTrue();
            assertThat(account.path("balance").asText()).isEqualTo("57.55");
            assertThat(account.path("version").asLong()).isEqualTo(rest.path("version").asLong());
        }

        @Test
        void answersTheOwnerAndTheStatementNewestFirst() throws Exception {
            Answer answer = query("""
                    query($id: ID!) { account(id: $id) {
                      owner { id name email status }
                      statement(first: 10) { edges { cursor node { %s } } pageInfo { hasNextPage endCursor } } } }
                    """.formatted(LINE_FIELDS), Map.of("id", adaMain.toString()));

            JsonNode account = answer.data().path("account");
            assertThat(account.path("owner").path("id").asText()).isEqualTo(ada.toString());
            assertThat(account.path("owner").path("name").asText()).isEqualTo("Ada Graphson");
            JsonNode rest = get("/api/accounts/{id}/transactions", adaMain).path("items");
            JsonNode edges = account.path("statement").path("edges");
            assertThat(edges).hasSize(4);
            for (int line = 0; line < 4; line++) {
                JsonNode node = edges.get(line).path("node");
                rest.get(line).fields().forEachRemaining(field ->
                        assertThat(node.path(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
            }
            assertThat(edges.get(0).path("node").path("type").asText()).isEqualTo("TRANSFER_DEBIT");
            assertThat(edges.get(0).path("node").path("amount").asText()).isEqualTo("-30.00");
            assertThat(edges.get(0).path("node").path("counterpartyName").asText()).isEqualTo("Bob Graphson");
            assertThat(account.path("statement").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        }

        @Test
        void pagesTheStatementWithOpaqueCursorsThatHoldTheirPlace() throws Exception {
            String page = """
                    query($id: ID!, $after: String) { account(id: $id) {
                      statement(first: 3, after: $after) { edges { cursor node { sequence } }
                        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }""";
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("id", adaMain.toString()));

            JsonNode first = query(page, variables).data().path("account").path("statement");
            variables.put("after", first.path("pageInfo").path("endCursor").asText());
            JsonNode second = query(page, variables).data().path("account").path("statement");

            assertThat(sequences(first)).containsExactly(4L, 3L, 2L);
            assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
            assertThat(first.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();
            assertThat(sequences(second)).containsExactly(1L);
            assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
            assertThat(second.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
        }

        @Test
        void limitsTheStatementToATimeRange() throws Exception {
            JsonNode lines = get("/api/accounts/{id}/transactions", adaMain).path("items");
            String newest = lines.get(0).path("occurredAt").asText();
            String oldest = lines.get(3).path("occurredAt").asText();

            JsonNode statement = query("""
                    query($id: ID!, $from: DateTime, $to: DateTime) { account(id: $id) {
                      statement(from: $from, to: $to) { edges { node { sequence occurredAt } } } } }""",
                    Map.of("id", adaMain.toString(), "from", oldest, "to", newest)).data().path("account").path("statement");

            assertThat(sequences(statement)).containsExactly(3L, 2L, 1L);
        }

        @Test
        void anUnknownIdIsNullWithNotFound() throws Exception {
            Answer answer = query("query { account(id: \"no-such-account\") { id } }", Map.of());

            assertThat(answer.data().path("account").isNull()).isTrue();
            assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(answer.errors().get(0).path("path").get(0).asText()).isEqualTo("account");
        }

        @Test
        void readsYourWriteOnceTheVersionIsProjectedAndRefusesItUntilThen() throws Exception {
            CustomerId carol = ledger.customer("Carol Graphson", "carol-" + UUID.randomUUID() + "@example.org");
            AccountId fresh = ledger.account(carol, "EUR");
            eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 0, fresh);
            String read = "query($id: ID!, $v: Int) { account(id: $id, minVersion: $v) { version balance } }";

            Answer pending = query(read, Map.of("id", fresh.toString(), "v", 1));
            ledger.deposit(fresh, "5.00 EUR", "5.00 EUR", "first deposit");
            Answer awaited = query(read, Map.of("id", fresh.toString(), "v", 1));

            // a version not projected within the wait is refused, never answered stale; once written, it is read
            assertThat(pending.data().path("account").isNull()).isTrue();
            assertThat(pending.errorCode()).isEqualTo("VERSION_NOT_YET_PROJECTED");
            assertThat(pending.errors().get(0).path("extensions").path("requestedVersion").asLong()).isEqualTo(1);
            assertThat(pending.errors().get(0).path("extensions").path("projectedVersion").asLong()).isEqualTo(0);
            assertThat(awaited.errors().isMissingNode()).as(awaited.body().toString()).isTrue();
            assertThat(awaited.data().path("account").path("version").asLong()).isEqualTo(1);
            assertThat(awaited.data().path("account").path("balance").asText()).isEqualTo("5.00");
        }
    }

    @Nested
    class Accounts {

        @Test
        void listsACustomersAccountsNewestFirstInPages() throws Exception {
            String page = """
                    query($customer: ID, $after: String) { accounts(customerId: $customer, first: 1, after: $after) {
                      edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""";
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("customer", ada.toString()));

            JsonNode first = query(page, variables).data().path("accounts");
            variables.put("after", first.path("pageInfo").path("endCursor").asText());
            JsonNode second = query(page, variables).data().path("accounts");

            assertThat(first.path("edges").get(0).path("node").path("id").asText()).isEqualTo(adaSavings.toString());
            assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
            assertThat(second.path("edges").get(0).path("node").path("id").asText()).isEqualTo(adaMain.toString());
            assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        }

        @Test
        void filtersByStatus() throws Exception {
            JsonNode accounts = query("query($customer: ID) { accounts(customerId: $customer, status: FROZEN) "
                    + "{ edges { node { id } } } }", Map.of("customer", ada.toString())).data().path("accounts");

            assertThat(accounts.path("edges")).isEmpty();
        }

        @Test
        void refusesAPageBeyondAHundredAsRestDoes() throws Exception {
            Answer answer = query("query { accounts(first: 101) { edges { cursor } } }", Map.of());

            assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
            assertThat(answer.data().path("accounts").isNull()).isTrue();
        }

        @Test
        void refusesACursorItDidNotGive() throws Exception {
            String statementCursor = query("query($id: ID!) { account(id: $id) { statement(first: 1) "
                    + "{ pageInfo { endCursor } } } }", Map.of("id", adaMain.toString()))
                    .data().path("account").path("statement").path("pageInfo").path("endCursor").asText();

            for (String cursor : List.of("not-a-cursor", statementCursor, "YWNjb3VudDp4fHk")) {
                Answer answer = query("query($after: String) { accounts(after: $after) { edges { cursor } } }",
                        Map.of("after", cursor));
                assertThat(answer.errorCode()).as(cursor).isEqualTo("INVALID_REQUEST");
            }
        }
    }

    @Nested
    class Customer {

        @Test
        void answersTheCustomerWithTheirAccountsAndStatements() throws Exception {
            Answer answer = query("""
                    query($id: ID!) { customer(id: $id) { id name email status version registeredAt updatedAt
                      accounts(first: 10) { edges { node { id balance statement(first: 2) { edges { node { amount } } } } }
                        pageInfo { hasNextPage } } } }""", Map.of("id", ada.toString()));

            JsonNode customer = answer.data().path("customer");
            JsonNode rest = get("/api/customers/{id}", ada);
            assertThat(customer.path("name")).isEqualTo(rest.path("name"));
            assertThat(customer.path("email")).isEqualTo(rest.path("email"));
            assertThat(customer.path("registeredAt")).isEqualTo(rest.path("registeredAt"));
            JsonNode accounts = customer.path("accounts").path("edges");
            assertThat(accounts).hasSize(2);
            assertThat(accounts.get(0).path("node").path("id").asText()).isEqualTo(adaSavings.toString());
            assertThat(accounts.get(1).path("node").path("statement").path("edges")).hasSize(2);
            assertThat(accounts.get(1).path("node").path("statement").path("edges").get(1).path("node")
                    .path("amount").asText()).isEqualTo("0.05");
        }

        @Test
        void anUnknownCustomerIsNullWithNotFound() throws Exception {
            Answer answer = query("query { customer(id: \"cust-unknown\") { id } }", Map.of());

            assertThat(answer.data().path("customer").isNull()).isTrue();
            assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class Transfer {

        @Test
        void answersTheTransferAndAwaitsItsOutcome() throws Exception {
            Answer answer = query("query($id: ID!) { transfer(id: $id, awaitOutcome: true) { id fromAccountId "
                    + "toAccountId amount currency status failureCode failureReason version requestedAt updatedAt } }",
                    Map.of("id", adaToBob.toString()));

            JsonNode transfer = answer.data().path("transfer");
            JsonNode rest = get("/api/transfers/{id}", adaToBob);
            assertThat(transfer.path("id").asText()).isEqualTo(adaToBob.toString());
            for (String field : List.of("fromAccountId", "toAccountId", "amount", "currency", "status", "failureCode",
                    "requestedAt", "updatedAt")) {
                assertThat(transfer.path(field)).as(field).isEqualTo(rest.path(field));
            }
            assertThat(transfer.path("amount").asText()).isEqualTo("30.00");
        }

        @Test
        void anOutcomeNotProjectedInTimeIsVersionNotYetProjected() throws Exception {
            TransferId requested = TransferId.of("tr-" + UUID.randomUUID());
            ledger.publish(new io.ledgerline.events.TransferRequested(requested, adaMain, bobAccount,
                    io.ledgerline.query.LedgerEventsFixture.money("1.00 EUR"), ada), "Transfer");
            eventually("/api/transfers/" + requested, found -> found.path("status").asText().equals("REQUESTED"));

            Answer answer = query("query($id: ID!) { transfer(id: $id, awaitOutcome: true) { status } }",
                    Map.of("id", requested.toString()));

            assertThat(answer.data().path("transfer").isNull()).isTrue();
            assertThat(answer.errorCode()).isEqualTo("VERSION_NOT_YET_PROJECTED");
        }
    }

    @Nested
    class Search {

        @Test
        void findsAccountsAsTheirReadModelAnswersThem() throws Exception {
            List<String> found = new ArrayList<>();
            query("query($q: String!) { searchAccounts(q: $q, first: 5) { id balance owner { name } } }",
                    Map.of("q", ada.toString())).data().path("searchAccounts")
                    .forEach(account -> found.add(account.path("id").asText()));

            assertThat(found).containsExactlyInAnyOrder(adaMain.toString(), adaSavings.toString());
        }

        @Test
        void findsTransactionsWithTheTotalsOfRestsSearch() throws Exception {
            JsonNode rest = get("/api/search/transactions?accountId={id}&minAmount=10.00", adaMain);

            JsonNode search = query("""
                    query($id: ID!) { searchTransactions(accountId: $id, minAmount: "10.00", first: 10) {
                      total hits { %s } totalsByType { type currency count amount } totalsByMonth { month currency count amount } } }
                    """.formatted(LINE_FIELDS), Map.of("id", adaMain.toString())).data().path("searchTransactions");

            assertThat(search.path("total").asLong()).isEqualTo(3).isEqualTo(rest.path("total").asLong());
            assertThat(search.path("hits")).isEqualTo(rest.path("hits"));
            assertThat(search.path("totalsByType")).isEqualTo(rest.path("totalsByType"));
            assertThat(search.path("totalsByMonth")).isEqualTo(rest.path("totalsByMonth"));
        }

        @Test
        void refusesWhatRestsSearchRefuses() throws Exception {
            Answer reversed = query("query { searchTransactions(minAmount: \"9.00\", maxAmount: \"1.00\") { total } }",
                    Map.of());
            Answer blank = query("query { searchAccounts(q: \"  \") { id } }", Map.of());

            assertThat(reversed.errorCode()).isEqualTo("INVALID_REQUEST");
            assertThat(blank.errorCode()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnreadableQueryIsMalformed() throws Exception {
            Answer answer = graphQl.query(tokens.staff(), "query { account(id: ", Map.of());

            assertThat(answer.status()).isLessThan(500);
            assertThat(answer.errorCode()).isEqualTo("MALFORMED_REQUEST");
        }

        @Test
        void anUnknownFieldOrAnIllTypedArgumentIsInvalid() throws Exception {
            Answer unknownField = graphQl.query(tokens.staff(), "query { account(id: \"x\") { secret } }", Map.of());
            Answer badInstant = graphQl.query(tokens.staff(), "query($id: ID!) { account(id: $id) { statement(from: "
                    + "\"yesterday\") { edges { cursor } } } }", Map.of("id", adaMain.toString()));

            assertThat(unknownField.status()).isLessThan(500);
            assertThat(unknownField.errorCode()).isEqualTo("INVALID_REQUEST");
            assertThat(badInstant.status()).isLessThan(500);
            assertThat(badInstant.errorCode()).isEqualTo("INVALID_REQUEST");
        }

        @Test
        void aRefusedFieldLeavesTheRestOfTheAnswerStanding() throws Exception {
            Answer answer = query("query($id: ID!) { known: account(id: $id) { id } unknown: account(id: \"acc-none\") "
                    + "{ id } tooMany: accounts(first: 0) { edges { cursor } } }", Map.of("id", adaMain.toString()));

            assertThat(answer.data().path("known").path("id").asText()).isEqualTo(adaMain.toString());
            assertThat(answer.data().path("unknown").isNull()).isTrue();
            assertThat(answer.data().path("tooMany").isNull()).isTrue();
            List<String> codes = new ArrayList<>();
            answer.errors().forEach(error -> codes.add(error.path("path").get(0).asText() + " "
                    + error.path("extensions").path("code").asText()));
            assertThat(codes).containsExactlyInAnyOrder("unknown NOT_FOUND", "tooMany INVALID_REQUEST");
        }

        @Test
        void anInstantBeyondTheStoresIsInvalidNotAFailure() throws Exception {
            Answer answer = query("query($id: ID!) { account(id: $id) { statement(from: \"+100000-01-01T00:00:00Z\") "
                    + "{ edges { cursor } } } }", Map.of("id", adaMain.toString()));

            assertThat(answer.errorCode()).isEqualTo("INVALID_REQUEST");
        }
    }

    private static List<Long> sequences(JsonNode connection) {
        List<Long> sequences = new ArrayList<>();
        connection.path("edges").forEach(edge -> sequences.add(edge.path("node").path("sequence").asLong()));
        return sequences;
    }
}
