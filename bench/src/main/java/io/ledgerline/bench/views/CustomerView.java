package io.ledgerline.bench.views;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client app shows of a customer, read from either API, so that the two answers can be checked equal in
 * content before their speed is compared. Instants are compared as instants: the two APIs may write different digits.
 */
public record CustomerView(String name, List<AccountLines> accounts) {

    public record AccountLines(String accountId, String balance, List<Line> lines) {
    }

    public record Line(long sequence, String type, String amount, String balanceAfter, String description, Instant occurredAt) {

        static Line of(JsonNode line) {
            return new Line(line.path("sequence").asLong(), line.path("type").asText(), line.path("amount").asText(),
                    line.path("balanceAfter").asText(), line.path("description").asText(null),
                    Instant.parse(line.path("occurredAt").asText()));
        }
    }

    /** The fields of a statement line both views ask for. */
    static final String LINE_FIELDS = "sequence type amount balanceAfter description occurredAt";

    public int lineCount() {
        return accounts.stream().mapToInt(account -> account.lines().size()).sum();
    }

    /** @throws IllegalStateException when the answer carries errors: a view with errors is no view to measure */
    public static CustomerView fromGraphql(JsonNode answer) {
        if (answer.has("errors")) {
            throw new IllegalStateException("The GraphQL view answered errors: " + answer.path("errors"));
        }
        JsonNode customer = answer.path("data").path("customer");
        List<AccountLines> accounts = new ArrayList<>();
        for (JsonNode edge : customer.path("accounts").path("edges")) {
            JsonNode account = edge.path("node");
            List<Line> lines = new ArrayList<>();
            account.path("statement").path("edges").forEach(line -> lines.add(Line.of(line.path("node"))));
            accounts.add(new AccountLines(account.path("id").asText(), account.path("balance").asText(), List.copyOf(lines)));
        }
        return new CustomerView(customer.path("name").asText(null), List.copyOf(accounts));
    }

    /** @param statements each account's statement page, in the order of the accounts page */
    public static CustomerView fromRest(JsonNode customer, JsonNode accountsPage, List<JsonNode> statements) {
        List<AccountLines> accounts = new ArrayList<>();
        JsonNode items = accountsPage.path("items");
        for (int i = 0; i < items.size(); i++) {
            List<Line> lines = new ArrayList<>();
            statements.get(i).path("items").forEach(line -> lines.add(Line.of(line)));
            accounts.add(new AccountLines(items.get(i).path("accountId").asText(), items.get(i).path("balance").asText(),
                    List.copyOf(lines)));
        }
        return new CustomerView(customer.path("name").asText(null), List.copyOf(accounts));
    }
}
