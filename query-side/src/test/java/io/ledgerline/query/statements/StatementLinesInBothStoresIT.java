package io.ledgerline.query.statements;

import static io.ledgerline.query.LedgerEventsFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of statement line, projected from the one mapping into PostgreSQL and Elasticsearch,
 * reads the same on the statement ({@code /api/accounts/{id}/transactions}) and in the transaction
 * search, field by field: deposits and withdrawals with their own text, transfer debits, credits and
 * reversals with the transfer's text, counterparty and counterparty's name, whether the transfer's
 * request is projected before or after its lines, for requests of revision 2 and of revision 1, and
 * again after both read models were rebuilt.
 */
class StatementLinesInBothStoresIT extends QuerySideIT {

    private static final String STATEMENT = "/api/accounts/{id}/transactions";
    private static final String SEARCH = "/api/search/transactions?accountId={id}";
    private static final List<String> REBUILT = List.of("ledgerline-query-sql", "ledgerline-query-search-transactions");
    private static final String ERASED = PersonalDataOpener.ERASED;

    private String word;

    @BeforeEach
    void uniqueWord() {
        word = "w" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void everyKindOfLineReadsTheSameOnTheStatementAndInTheSearchAlsoAfterRebuilds() throws Exception {
        CustomerId payer = ledger.customer("Petra Payer", "petra-" + UUID.randomUUID() + "@example.org");
        CustomerId payee = ledger.customer("Quentin Payee", "quentin-" + UUID.randomUUID() + "@example.org");
        AccountId payers = ledger.account(payer, "EUR");
        AccountId payees = ledger.account(payee, "EUR");
        ledger.deposit(payers, "100.00 EUR", "100.00 EUR", "Salary " + word, "INV " + word, "PAY-" + word);
        ledger.withdraw(payers, "10.00 EUR", "90.00 EUR", "Cash " + word, "ATM-" + word);
        // a transfer whose request comes first
        TransferId rent = TransferId.of("tr-" + UUID.randomUUID());
        ledger.publish(keys.transferRequested(rent, payers, payees, money("30.00 EUR"), payer, "rent share " + word,
                "R-" + word), "Transfer");
        ledger.publish(new AccountDebitedForTransfer(payers, rent, money("30.00 EUR"), money("60.00 EUR")), "Account");
        ledger.publish(new AccountCreditedForTransfer(payees, rent, money("30.00 EUR"), money("30.00 EUR")), "Account");
        ledger.publish(new TransferCompleted(rent), "Transfer");
        // a transfer returned, whose lines come before its request
        TransferId returned = TransferId.of("tr-" + UUID.randomUUID());
        ledger.publish(new AccountDebitedForTransfer(payers, returned, money("5.00 EUR"), money("55.00 EUR")), "Account");
        ledger.publish(new TransferDebitReversed(payers, returned, money("5.00 EUR"), money("60.00 EUR"),
                "ACCOUNT_CLOSED"), "Account");
        awaitLines(payers, 5);
        ledger.publish(keys.transferRequested(returned, payers, payees, money("5.00 EUR"), payer, "books " + word,
                null), "Transfer");
        ledger.publish(new TransferFailed(returned, "ACCOUNT_CLOSED", "closed"), "Transfer");
        // a transfer requested as revision 1 stored it: its description in the metadata
        String gift = "tr-" + UUID.randomUUID();
        ledger.publishStored("TransferRequested", "1", gift, """
                {"transferId": "%s", "sourceAccountId": "%s", "destinationAccountId": "%s",
                 "amount": {"amount": "2.00", "currency": "EUR"}}
                """.formatted(gift, payers.value(), payees.value()), "Transfer",
                Map.of("transferDescription", "gift " + word));
        ledger.publish(new AccountDebitedForTransfer(payers, TransferId.of(gift), money("2.00 EUR"), money("58.00 EUR")),
                "Account");
        ledger.publish(new AccountCreditedForTransfer(payees, TransferId.of(gift), money("2.00 EUR"), money("32.00 EUR")),
                "Account");

        assertStatements(payers, payees, "Petra Payer", "Quentin Payee");
        assertThat(eventually("/api/search/transactions?q={q}", page -> page.path("total").asLong() == 2,
                "rent " + word).path("hits").toString()).contains("rent share " + word);
        JsonNode rentLines = eventually("/api/search/transactions?q={q}", page -> page.path("total").asLong() == 2,
                "share " + word);
        assertThat(texts(rentLines.path("hits"), "accountId")).containsExactly(payees.value(), payers.value());

        rebuild(REBUILT);

        assertStatements(payers, payees, "Petra Payer", "Quentin Payee");
    }

    /** The transfer's text is the payer's: their erasure masks it on both statements, in both stores. */
    @Test
    void thePayersErasureMasksTheTransfersTextOnBothStatementsAlsoAfterRebuilds() throws Exception {
        CustomerId payer = ledger.customer("Rita Remitter", "rita-" + UUID.randomUUID() + "@example.org");
        CustomerId payee = ledger.customer("Sven Sink", "sven-" + UUID.randomUUID() + "@example.org");
        AccountId payers = ledger.account(payer, "EUR");
        AccountId payees = ledger.account(payee, "EUR");
        ledger.deposit(payers, "50.00 EUR", "50.00 EUR", null);
        TransferId rent = TransferId.of("tr-" + UUID.randomUUID());
        ledger.publish(keys.transferRequested(rent, payers, payees, money("20.00 EUR"), payer, "rent share " + word,
                "R-" + word), "Transfer");
        ledger.publish(new AccountDebitedForTransfer(payers, rent, money("20.00 EUR"), money("30.00 EUR")), "Account");
        ledger.publish(new AccountCreditedForTransfer(payees, rent, money("20.00 EUR"), money("20.00 EUR")), "Account");
        String gift = "tr-" + UUID.randomUUID();
        ledger.publishStored("TransferRequested", "1", gift, """
                {"transferId": "%s", "sourceAccountId": "%s", "destinationAccountId": "%s",
                 "amount": {"amount": "1.00", "currency": "EUR"}}
                """.formatted(gift, payers.value(), payees.value()), "Transfer",
                Map.of("transferDescription", "gift " + word));
        ledger.publish(new AccountCreditedForTransfer(payees, TransferId.of(gift), money("1.00 EUR"), money("21.00 EUR")),
                "Account");
        JsonNode before = sameInBothStores(payees, 2, lines -> texts(lines, "description")
                .equals(List.of("gift " + word, "rent share " + word)));
        assertThat(texts(before, "counterpartyName")).containsExactly("Rita Remitter", "Rita Remitter");

        ledger.erase(payer);

        assertErased(payers, payees);
        // a line projected after the erasure shows the mask at once
        ledger.publish(new AccountCreditedForTransfer(payees, TransferId.of(gift), money("1.00 EUR"), money("22.00 EUR")),
                "Account");
        JsonNode late = sameInBothStores(payees, 3, lines -> texts(lines, "description")
                .equals(List.of(ERASED, ERASED, ERASED)));
        assertThat(late.toString()).doesNotContain(word);

        rebuild(REBUILT);

        assertErased(payers, payees);
    }

    private void assertErased(AccountId payers, AccountId payees) {
        JsonNode debit = sameInBothStores(payers, 2, lines -> texts(lines, "description").equals(List.of(ERASED, "null"))
                && texts(lines, "reference").equals(List.of(ERASED, "null")));
        JsonNode credits = sameInBothStores(payees, -1, lines -> lines.size() >= 2
                && texts(lines, "description").stream().allMatch(ERASED::equals)
                && texts(lines, "counterpartyName").stream().allMatch("null"::equals));
        assertThat(debit.toString() + credits).doesNotContain(word, "Rita Remitter");
        eventually("/api/search/transactions?q={q}", page -> page.path("total").asLong() == 0, word);
    }

    private void assertStatements(AccountId payers, AccountId payees, String payerName, String payeeName) {
        JsonNode paid = sameInBothStores(payers, 6, lines -> lines.get(0).path("description").asText()
                .equals("gift " + word) && lines.get(1).path("counterpartyAccountId").asText().equals(payees.value()));
        assertThat(texts(paid, "type")).containsExactly("TRANSFER_DEBIT", "TRANSFER_DEBIT_REVERSAL", "TRANSFER_DEBIT",
                "TRANSFER_DEBIT", "WITHDRAWAL", "DEPOSIT");
        assertThat(texts(paid, "amount")).containsExactly("-2.00", "5.00", "-5.00", "-30.00", "-10.00", "100.00");
        assertThat(texts(paid, "balanceAfter")).containsExactly("58.00", "60.00", "55.00", "60.00", "90.00", "100.00");
        assertThat(texts(paid, "description")).containsExactly("gift " + word, "books " + word, "books " + word,
                "rent share " + word, "Cash " + word, "Salary " + word);
        assertThat(texts(paid, "reference")).containsExactly("null", "null", "null", "R-" + word, "null", "INV " + word);
        assertThat(texts(paid, "externalReference")).containsExactly("null", "null", "null", "null", "ATM-" + word,
                "PAY-" + word);
        assertThat(texts(paid, "counterpartyAccountId")).containsExactly(payees.value(), payees.value(), payees.value(),
                payees.value(), "null", "null");
        assertThat(texts(paid, "counterpartyName")).containsExactly(payeeName, payeeName, payeeName, payeeName, "null",
                "null");
        assertThat(texts(paid, "reasonCode")).containsExactly("null", "ACCOUNT_CLOSED", "null", "null", "null", "null");
        assertThat(texts(paid, "reason")).containsExactly("null", "Transfer returned: the receiving account is closed",
                "null", "null", "null", "null");

        JsonNode received = sameInBothStores(payees, 2, lines -> lines.get(0).path("description").asText()
                .equals("gift " + word) && lines.get(1).path("description").asText().equals("rent share " + word));
        assertThat(texts(received, "type")).containsExactly("TRANSFER_CREDIT", "TRANSFER_CREDIT");
        assertThat(texts(received, "amount")).containsExactly("2.00", "30.00");
        assertThat(texts(received, "reference")).containsExactly("null", "R-" + word);
        assertThat(texts(received, "counterpartyAccountId")).containsExactly(payers.value(), payers.value());
        assertThat(texts(received, "counterpartyName")).containsExactly(payerName, payerName);
    }

    /**
     * Waits until the statement and the search both have the lines and satisfy the condition, and
     * asserts that they answer the same lines, field by field.
     *
     * @param count the number of lines; negative for any
     */
    private JsonNode sameInBothStores(AccountId account, int count, Predicate<JsonNode> condition) {
        JsonNode statement = eventually(STATEMENT, page -> (count < 0 || page.path("totalItems").asLong() == count)
                && condition.test(page.path("items")), account).path("items");
        JsonNode search = eventually(SEARCH, page -> (count < 0 || page.path("total").asLong() == count)
                && condition.test(page.path("hits")), account).path("hits");
        assertThat(search).as("the search answers what the statement answers").isEqualTo(statement);
        return statement;
    }

    private void awaitLines(AccountId account, int count) {
        eventually(STATEMENT, page -> page.path("totalItems").asLong() == count, account);
        eventually(SEARCH, page -> page.path("total").asLong() == count, account);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).isMissingNode() || item.path(field).isNull()
                ? "null" : item.path(field).asText()));
        return texts;
    }
}
