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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The GraphQL API's authorization matrix: every role against every query field, on the caller's own
 * data and on another customer's, with REST's answer. Another customer's account, customer,
 * statement or transfer is null with NOT_FOUND, exactly like an unknown id; searches and lists find
 * only a customer's own; roles that REST refuses are refused over HTTP with the same code.
 */
class GraphQlAuthorizationIT extends QuerySideIT {

    private static final Map<String, String> FIELDS = Map.of(
            "account", "query($account: ID!) { account(id: $account) { id } }",
            "statement", "query($account: ID!) { account(id: $account) { statement { edges { node { accountId } } } } }",
            "accounts", "query($customer: ID) { accounts(customerId: $customer) { edges { node { customerId } } } }",
            "customer", "query($customer: ID!) { customer(id: $customer) { id accounts { edges { node { id } } } } }",
            "transfer", "query($transfer: ID!) { transfer(id: $transfer) { id } }",
            "searchAccounts", "query($customer: String!) { searchAccounts(q: $customer) { customerId } }",
            "searchTransactions", "query($account: ID) { searchTransactions(accountId: $account) { total hits { accountId } } }");

    /**
     * Caller, field, whose data, answer: DATA (the data, no error), NOT_FOUND (null and that error),
     * OWN_ONLY (an answer holding only the caller's own data, here none), or an HTTP status.
     */
    private static final String MATRIX = """
            CUSTOMER  account             own    DATA
            CUSTOMER  account             other  NOT_FOUND
            CUSTOMER  statement           own    DATA
            CUSTOMER  statement           other  NOT_FOUND
            CUSTOMER  accounts            own    DATA
            CUSTOMER  accounts            other  OWN_ONLY
            CUSTOMER  customer            own    DATA
            CUSTOMER  customer            other  NOT_FOUND
            CUSTOMER  transfer            own    DATA
            CUSTOMER  transfer            other  NOT_FOUND
            CUSTOMER  searchAccounts      own    DATA
            CUSTOMER  searchAccounts      other  OWN_ONLY
            CUSTOMER  searchTransactions  own    DATA
            CUSTOMER  searchTransactions  other  OWN_ONLY
            NO_ID     account             own    403
            NO_ID     searchTransactions  own    403
            TELLER    account             other  DATA
            TELLER    statement           other  DATA
            TELLER    accounts            other  DATA
            TELLER    customer            other  DATA
            TELLER    transfer            other  DATA
            TELLER    searchAccounts      other  DATA
            TELLER    searchTransactions  other  DATA
            AUDITOR   account             other  DATA
            AUDITOR   statement           other  DATA
            AUDITOR   accounts            other  DATA
            AUDITOR   customer            other  DATA
            AUDITOR   transfer            other  DATA
            AUDITOR   searchAccounts      other  DATA
            AUDITOR   searchTransactions  other  DATA
            ADMIN     account             other  403
            ADMIN     statement           other  403
            ADMIN     accounts            other  403
            ADMIN     customer            other  403
            ADMIN     transfer            other  403
            ADMIN     searchAccounts      other  403
            ADMIN     searchTransactions  other  403
            PAYMENTS  account             other  403
            PAYMENTS  searchTransactions  other  403
            NONE      account             own    401
            NONE      statement           own    401
            NONE      accounts            own    401
            NONE      customer            own    401
            NONE      transfer            own    401
            NONE      searchAccounts      own    401
            NONE      searchTransactions  own    401
            """;

    /** Published once: the query side is one shared context, and these reads change nothing. */
    private static Party own;
    private static Party other;

    @Autowired
    TestTokens tokens;

    private GraphQlClient graphQl;

    /** A customer, their account, and a transfer from it to another account of theirs. */
    record Party(CustomerId customerId, AccountId accountId, TransferId transferId) {

        Map<String, Object> variables() {
            return Map.of("account", accountId.toString(), "customer", customerId.toString(),
                    "transfer", transferId.toString());
        }
    }

    @BeforeEach
    void twoCustomersProjected() throws Exception {
        graphQl = new GraphQlClient(http.getRootUri(), json);
        if (own != null) {
            return;
        }
        own = party("Ada");
        other = party("Bob");
    }

    private Party party(String name) throws Exception {
        CustomerId customer = ledger.customer(name + " Matrixql", name + "-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(customer, "EUR");
        AccountId second = ledger.account(customer, "EUR");
        ledger.deposit(account, "50.00 EUR", "50.00 EUR", name + " pocket money");
        TransferId transfer = ledger.transfer(account, "40.00 EUR", second, "10.00 EUR", "10.00 EUR");
        eventually("/api/transfers/" + transfer, found -> found.path("status").asText().equals("COMPLETED"));
        eventually("/api/search/transactions?accountId=" + account, found -> found.path("total").asLong() == 2);
        eventually("/api/search/accounts?q=" + customer, found -> found.path("total").asLong() == 2);
        return new Party(customer, account, transfer);
    }

    static Stream<Arguments> matrix() {
        return MATRIX.lines().filter(line -> !line.isBlank()).map(line -> line.trim().split("\\s+"))
                .map(cell -> Arguments.of(cell[0], cell[1], cell[2], cell[3]));
    }

    @ParameterizedTest(name = "{0} {1} on {2}''s data -> {3}")
    @MethodSource("matrix")
    void answersEachRoleAsRestDoes(String role, String field, String whose, String expected) throws Exception {
        Party party = whose.equals("own") ? own : other;

        Answer answer = graphQl.query(token(role), FIELDS.get(field), party.variables());

        switch (expected) {
            case "DATA" -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
                assertThat(answer.data().path(root(field)).toString()).contains(proof(field, party));
            }
            case "NOT_FOUND" -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.data().path(root(field)).isNull()).as(answer.body().toString()).isTrue();
                assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
                assertThat(answer.body().toString()).doesNotContain(other.customerId().toString() + "\",\"name");
                Answer unknown = graphQl.query(token(role), FIELDS.get(field), Map.of("account", "acc-unknown",
                        "customer", "cust-unknown", "transfer", "tr-unknown"));
                assertThat(message(answer, party)).isEqualTo(message(unknown, null));
            }
            case "OWN_ONLY" -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
                assertThat(answer.body().toString()).doesNotContain(other.customerId().toString())
                        .doesNotContain(other.accountId().toString());
            }
            default -> {
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(Integer.parseInt(expected));
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.body().path("code").asText())
                        .isEqualTo(expected.equals("401") ? "UNAUTHENTICATED" : "FORBIDDEN");
            }
        }
    }

    @Test
    void aCustomerListsOnlyTheirOwnAccountsWhicheverCustomerTheyName() throws Exception {
        Answer answer = graphQl.query(token("CUSTOMER"), FIELDS.get("accounts"), other.variables());

        assertThat(answer.data().path("accounts").path("edges")).hasSize(2)
                .allSatisfy(edge -> assertThat(edge.path("node").path("customerId").asText())
                        .isEqualTo(own.customerId().toString()));
    }

    @Test
    void aCustomerSearchFindsOnlyTheirOwnTransactions() throws Exception {
        JsonNode search = graphQl.query(token("CUSTOMER"), "{ searchTransactions(first: 100) { total hits { accountId } } }",
                Map.of()).data().path("searchTransactions");

        // the deposit and the transfer's debit on one account, its credit on the other
        assertThat(search.path("total").asLong()).isEqualTo(3);
        assertThat(search.toString()).contains(own.accountId().toString()).doesNotContain(other.accountId().toString());
    }

    /** What the field's answer holds of the party's data when it may be read. */
    private static String proof(String field, Party party) {
        return switch (field) {
            case "account", "statement", "customer", "searchTransactions" -> party.accountId().toString();
            case "transfer" -> party.transferId().toString();
            default -> party.customerId().toString();
        };
    }

    private static String root(String field) {
        return field.equals("statement") ? "account" : field;
    }

    /** The error's message with the id it names replaced, to compare it with the answer for an unknown id. */
    private static String message(Answer answer, Party party) {
        String message = answer.errors().get(0).path("message").asText();
        if (party != null) {
            message = message.replace(party.accountId().toString(), "ID").replace(party.customerId().toString(), "ID")
                    .replace(party.transferId().toString(), "ID");
        }
        return message.replace("acc-unknown", "ID").replace("cust-unknown", "ID").replace("tr-unknown", "ID");
    }

    private String token(String role) {
        return switch (role) {
            case "NONE" -> null;
            // a customer's token that names no customer carries no role at all (RoleClaimsConverter)
            case "NO_ID" -> tokens.token("nobody-matrixql", List.of(Roles.CUSTOMER), null);
            case "CUSTOMER" -> tokens.token("ada-matrixql", List.of(Roles.CUSTOMER), own.customerId().toString());
            default -> tokens.token(role.toLowerCase() + "-matrixql", List.of(role), null);
        };
    }
}
