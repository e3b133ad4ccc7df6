package io.ledgerline.query.personaldata;

import static io.ledgerline.query.LedgerEventsFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding of free text as the query side sees it: the descriptions and references of
 * deposits and withdrawals are opened with the account owner's key on the statement, in the
 * transaction search and in the audit search; once the owner's erasure deleted the key they show
 * the mask, are found by no search, and stay masked after each read model was rebuilt.
 */
class FreeTextErasureIT extends QuerySideIT {

    private static final List<String> REBUILT_PROJECTIONS = List.of("ledgerline-query-sql",
            "ledgerline-query-search-transactions", "ledgerline-query-search-audit");
    private static final String STATEMENT = "/api/accounts/{id}/transactions";
    private static final String SEARCH = "/api/search/transactions?accountId={id}";
    private static final String ERASED = PersonalDataOpener.ERASED;

    private String word;

    @BeforeEach
    void uniqueWord() {
        word = "w" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void showsTheTextUntilTheOwnerIsErasedAndTheMaskAfterwardsAlsoAfterRebuilds() throws Exception {
        CustomerId owner = ledger.customer("Frida Text", "frida-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(owner, "EUR");
        ledger.deposit(account, "40.00 EUR", "40.00 EUR", "Salary " + word, "INV " + word, "PAY-" + word);
        ledger.withdraw(account, "15.00 EUR", "25.00 EUR", "Cash " + word, "ATM-" + word);
        ledger.deposit(account, "1.00 EUR", "26.00 EUR", null, null, null);

        JsonNode statement = eventually(STATEMENT, page -> page.path("totalItems").asLong() == 3, account);
        assertThat(texts(statement.path("items"), "description"))
                .containsExactly("null", "Cash " + word, "Salary " + word);
        assertThat(texts(statement.path("items"), "externalReference"))
                .containsExactly("null", "ATM-" + word, "PAY-" + word);
        JsonNode found = eventually(SEARCH + "&q={q}", page -> page.path("total").asLong() == 2, account, word);
        assertThat(texts(found.path("hits"), "description")).containsExactly("Cash " + word, "Salary " + word);
        assertThat(texts(found.path("hits"), "reference")).containsExactly("null", "INV " + word);
        assertThat(texts(found.path("hits"), "externalReference")).containsExactly("ATM-" + word, "PAY-" + word);
        assertThat(found.path("hits").get(0).has("textOwner")).isFalse();
        JsonNode audited = eventually("/api/audit/events?q={q}", page -> page.path("total").asLong() == 2, word);
        assertThat(texts(audited.path("hits"), "type")).containsExactlyInAnyOrder("MoneyDeposited", "MoneyWithdrawn");
        assertThat(audited.toString()).contains("Salary " + word, "INV " + word, "PAY-" + word, "Cash " + word)
                .doesNotContain(PersonalData.SEALED_PREFIX);
        assertThat(statement.toString() + found).doesNotContain(PersonalData.SEALED_PREFIX);

        ledger.erase(owner);

        assertMasked(account);

        rebuild(REBUILT_PROJECTIONS);

        assertMasked(account);
    }

    /** Text stored before sealing was never encrypted: it is projected as it was written. */
    @Test
    void projectsTheTextOfADepositStoredBeforeSealing() throws Exception {
        CustomerId owner = ledger.customer("Olga Older", "olga-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(owner, "EUR");
        ledger.publishStored("MoneyDeposited", "3", account.value(), """
                {"accountId": "%s", "amount": {"amount": "9.00", "currency": "EUR"},
                 "balance": {"amount": "9.00", "currency": "EUR"}, "description": "Legacy %s",
                 "reference": "REF %s", "externalReference": "OLD-%s"}
                """.formatted(account.value(), word, word, word), "Account");

        JsonNode statement = eventually(STATEMENT, page -> page.path("totalItems").asLong() == 1, account);
        assertThat(statement.path("items").get(0).path("description").asText()).isEqualTo("Legacy " + word);
        assertThat(statement.path("items").get(0).path("externalReference").asText()).isEqualTo("OLD-" + word);
        JsonNode line = eventually(SEARCH + "&q={q}", page -> page.path("total").asLong() == 1, account, word)
                .path("hits").get(0);
        assertThat(line.path("description").asText()).isEqualTo("Legacy " + word);
        assertThat(line.path("reference").asText()).isEqualTo("REF " + word);
        assertThat(line.path("externalReference").asText()).isEqualTo("OLD-" + word);
        JsonNode audited = eventually("/api/audit/events?q={q}", page -> page.path("total").asLong() == 1, word);
        assertThat(audited.path("hits").get(0).path("payload").path("description").asText())
                .isEqualTo("Legacy " + word);
    }

    /**
     * Text stored before sealing names no owner; it is the account owner's (a transfer's, the source
     * account's owner's), so their erasure masks it as it masks sealed text, and a rebuild after the
     * erasure projects the mask although the text itself is plain in the events.
     */
    @Test
    void masksTextStoredBeforeSealingOnceTheAccountOwnerIsErasedAlsoAfterRebuilds() throws Exception {
        CustomerId owner = ledger.customer("Piet Plain", "piet-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(owner, "EUR");
        CustomerId payee = ledger.customer("Paula Payee", "paula-" + UUID.randomUUID() + "@example.org");
        AccountId payeeAccount = ledger.account(payee, "EUR");
        ledger.publishStored("MoneyDeposited", "3", account.value(), """
                {"accountId": "%s", "amount": {"amount": "30.00", "currency": "EUR"},
                 "balance": {"amount": "30.00", "currency": "EUR"}, "description": "Legacy %s",
                 "reference": "REF %s", "externalReference": "OLD-%s"}
                """.formatted(account.value(), word, word, word), "Account");
        ledger.publishStored("MoneyWithdrawn", "2", account.value(), """
                {"accountId": "%s", "amount": {"amount": "10.00", "currency": "EUR"},
                 "balance": {"amount": "20.00", "currency": "EUR"}, "description": "Older %s",
                 "externalReference": "ATM-%s"}
                """.formatted(account.value(), word, word), "Account");
        String transfer = "t" + UUID.randomUUID().toString().replace("-", "");
        ledger.publishStored("TransferRequested", "1", transfer, """
                {"transferId": "%s", "sourceAccountId": "%s", "destinationAccountId": "%s",
                 "amount": {"amount": "5.00", "currency": "EUR"}}
                """.formatted(transfer, account.value(), payeeAccount.value()), "Transfer",
                Map.of("transferDescription", "Gift " + word));

        JsonNode statement = eventually(STATEMENT, page -> page.path("totalItems").asLong() == 2, account);
        assertThat(texts(statement.path("items"), "description")).containsExactly("Older " + word, "Legacy " + word);
        assertThat(texts(statement.path("items"), "externalReference")).containsExactly("ATM-" + word, "OLD-" + word);
        JsonNode found = eventually(SEARCH + "&q={q}", page -> page.path("total").asLong() == 2, account, word);
        assertThat(texts(found.path("hits"), "description")).containsExactly("Older " + word, "Legacy " + word);
        assertThat(texts(found.path("hits"), "reference")).containsExactly("null", "REF " + word);
        JsonNode audited = eventually("/api/audit/events?q={q}", page -> page.path("total").asLong() == 3, word);
        assertThat(texts(audited.path("hits"), "type"))
                .containsExactlyInAnyOrder("MoneyDeposited", "MoneyWithdrawn", "TransferRequested");
        assertThat(audited.toString()).contains("Legacy " + word, "REF " + word, "OLD-" + word, "Older " + word,
                "ATM-" + word, "Gift " + word);

        ledger.erase(owner);

        assertTextBeforeSealingMasked(account, transfer);

        rebuild(REBUILT_PROJECTIONS);

        assertTextBeforeSealingMasked(account, transfer);
    }

    private void assertTextBeforeSealingMasked(AccountId account, String transfer) {
        JsonNode statement = eventually(STATEMENT, page -> texts(page.path("items"), "description")
                .equals(List.of(ERASED, ERASED)), account);
        assertThat(texts(statement.path("items"), "externalReference")).containsExactly(ERASED, ERASED);
        JsonNode lines = eventually(SEARCH, page -> page.path("total").asLong() == 2
                && texts(page.path("hits"), "description").equals(List.of(ERASED, ERASED)), account);
        assertThat(texts(lines.path("hits"), "reference")).containsExactly("null", ERASED);
        assertThat(texts(lines.path("hits"), "externalReference")).containsExactly(ERASED, ERASED);
        eventually(SEARCH + "&q={q}", page -> page.path("total").asLong() == 0, account, word);
        eventually("/api/audit/events?q={q}", page -> page.path("total").asLong() == 0, word);
        JsonNode deposit = eventually("/api/audit/events?q={q}&type=MoneyDeposited",
                page -> page.path("total").asLong() == 1, account.value());
        assertThat(payloadTexts(deposit.path("hits"), "description")).containsExactly(ERASED);
        assertThat(payloadTexts(deposit.path("hits"), "reference")).containsExactly(ERASED);
        assertThat(payloadTexts(deposit.path("hits"), "externalReference")).containsExactly(ERASED);
        JsonNode withdrawal = eventually("/api/audit/events?q={q}&type=MoneyWithdrawn",
                page -> page.path("total").asLong() == 1, account.value());
        assertThat(payloadTexts(withdrawal.path("hits"), "description")).containsExactly(ERASED);
        assertThat(payloadTexts(withdrawal.path("hits"), "externalReference")).containsExactly(ERASED);
        JsonNode requested = eventually("/api/audit/events?q={q}&type=TransferRequested",
                page -> page.path("total").asLong() == 1, transfer);
        assertThat(payloadTexts(requested.path("hits"), "description")).containsExactly(ERASED);
        assertThat(payloadTexts(requested.path("hits"), "reference")).containsExactly("null");
        for (JsonNode answer : List.of(statement, lines, deposit, withdrawal, requested)) {
            assertThat(answer.toString()).doesNotContain(word);
        }
    }

    /** A projection that reaches a booking after its key was deleted (lag, a rebuild) writes the mask. */
    @Test
    void projectsTheMaskForTextWhoseKeyIsAlreadyGone() throws Exception {
        CustomerId owner = ledger.customer("Lena Late", "lena-" + UUID.randomUUID() + "@example.org");
        AccountId account = ledger.account(owner, "EUR");
        var deposit = keys.deposited(account, owner, money("5.00 EUR"), money("5.00 EUR"),
                "Late " + word, null, "LATE-" + word);
        keys.shred(owner);
        ledger.publish(deposit, "Account");

        JsonNode statement = eventually(STATEMENT, page -> page.path("totalItems").asLong() == 1, account);
        assertThat(statement.path("items").get(0).path("description").asText()).isEqualTo(ERASED);
        assertThat(statement.path("items").get(0).path("externalReference").asText()).isEqualTo(ERASED);
        JsonNode line = eventually(SEARCH, page -> page.path("total").asLong() == 1, account).path("hits").get(0);
        assertThat(line.path("description").asText()).isEqualTo(ERASED);
        assertThat(line.path("reference").isNull() || line.path("reference").isMissingNode()).isTrue();
        assertThat(line.path("externalReference").asText()).isEqualTo(ERASED);
        JsonNode audited = eventually("/api/audit/events?q={q}&type=MoneyDeposited",
                page -> page.path("total").asLong() == 1, account.value());
        assertThat(audited.path("hits").get(0).path("payload").path("description").asText()).isEqualTo(ERASED);
        assertThat(statement.toString() + line + audited).doesNotContain(word, PersonalData.SEALED_PREFIX);
    }

    private void assertMasked(AccountId account) {
        JsonNode statement = eventually(STATEMENT, page -> texts(page.path("items"), "description")
                .equals(List.of("null", ERASED, ERASED)), account);
        assertThat(texts(statement.path("items"), "externalReference")).containsExactly("null", ERASED, ERASED);
        JsonNode lines = eventually(SEARCH, page -> page.path("total").asLong() == 3
                && texts(page.path("hits"), "description").equals(List.of("null", ERASED, ERASED)), account);
        assertThat(texts(lines.path("hits"), "reference")).containsExactly("null", "null", ERASED);
        assertThat(texts(lines.path("hits"), "externalReference")).containsExactly("null", ERASED, ERASED);
        eventually(SEARCH + "&q={q}", page -> page.path("total").asLong() == 0, account, word);
        eventually("/api/audit/events?q={q}", page -> page.path("total").asLong() == 0, word);
        JsonNode audited = eventually("/api/audit/events?q={q}&type=MoneyDeposited",
                page -> page.path("total").asLong() == 2
                        && payloadTexts(page.path("hits"), "description").contains(ERASED), account.value());
        JsonNode withdrawal = eventually("/api/audit/events?q={q}&type=MoneyWithdrawn",
                page -> page.path("total").asLong() == 1, account.value());
        assertThat(payloadTexts(audited.path("hits"), "description")).containsExactly("null", ERASED);
        assertThat(payloadTexts(audited.path("hits"), "reference")).containsExactly("null", ERASED);
        assertThat(payloadTexts(audited.path("hits"), "externalReference")).containsExactly("null", ERASED);
        assertThat(payloadTexts(withdrawal.path("hits"), "description")).containsExactly(ERASED);
        assertThat(payloadTexts(withdrawal.path("hits"), "externalReference")).containsExactly(ERASED);
        for (JsonNode answer : List.of(statement, lines, audited, withdrawal)) {
            assertThat(answer.toString()).doesNotContain(word, PersonalData.SEALED_PREFIX);
        }
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).isMissingNode() || item.path(field).isNull()
                ? "null" : item.path(field).asText()));
        return texts;
    }

    private static List<String> payloadTexts(JsonNode hits, String field) {
        List<String> texts = new ArrayList<>();
        hits.forEach(hit -> texts.add(hit.path("payload").path(field).isMissingNode()
                || hit.path("payload").path(field).isNull() ? "null" : hit.path("payload").path(field).asText()));
        return texts;
    }
}
