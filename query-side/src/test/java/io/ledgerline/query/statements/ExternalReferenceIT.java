package io.ledgerline.query.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.QuerySideIT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payment system's id of a deposit or withdrawal, as the statement and the transaction search show it. */
class ExternalReferenceIT extends QuerySideIT {

    @Test
    void showsThePaymentSystemsReferenceOnTheStatementAndFindsTheLineByIt() throws Exception {
        CustomerId owner = ledger.customer("Grace Hopper", "grace-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(owner, "EUR");
        String payment = "PAY-" + UUID.randomUUID();
        ledger.deposit(account, "40.00 EUR", "40.00 EUR", "Salary", "INV-1", payment);
        ledger.withdraw(account, "15.00 EUR", "25.00 EUR", "Cash", "ATM-118");
        ledger.deposit(account, "1.00 EUR", "26.00 EUR", "no reference");

        JsonNode statement = eventually("/api/accounts/{id}/transactions", page -> page.path("totalItems").asLong() == 3,
                account.value());
        assertThat(externalReferences(statement.path("items"))).containsExactly("null", "ATM-118", payment);

        JsonNode found = eventually("/api/search/transactions?accountId={id}&q={q}", page -> page.path("total").asLong() == 1,
                account.value(), payment);
        assertThat(found.path("hits").get(0).path("type").asText()).isEqualTo("DEPOSIT");
        assertThat(found.path("hits").get(0).path("externalReference").asText()).isEqualTo(payment);
        JsonNode all = eventually("/api/search/transactions?accountId={id}", page -> page.path("total").asLong() == 3,
                account.value());
        assertThat(externalReferences(all.path("hits"))).containsExactly("null", "ATM-118", payment);
    }

    private static List<String> externalReferences(JsonNode lines) {
        List<String> references = new ArrayList<>();
        lines.forEach(line -> references.add(line.path("externalReference").isMissingNode()
                || line.path("externalReference").isNull() ? "null" : line.path("externalReference").asText()));
        return references;
    }
}
