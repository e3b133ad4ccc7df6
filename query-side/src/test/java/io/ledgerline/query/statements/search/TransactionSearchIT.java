package io.ledgerline.query.statements.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.search.SearchApiIT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionSearchIT extends SearchApiIT {

    private static final String OF_ACCOUNT = "/api/search/transactions?accountId={accountId}";

    private final Map<AccountId, CustomerId> owners = new HashMap<>();

    @Test
    void listsEveryKindOfLineWithExactTotalsPerTypeAndMonth() throws Exception {
        AccountId accountId = statementOfMarchAndApril();

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 5, OF_ACCOUNT, accountId.value());

        JsonNode newest = found.path("hits").get(0);
        assertThat(newest.path("type").asText()).isEqualTo("TRANSFER_DEBIT_REVERSAL");
        assertThat(newest.path("amount").asText()).isEqualTo("100.00");
        assertThat(found.path("hits").get(1).path("type").asText()).isEqualTo("TRANSFER_DEBIT");
        assertThat(found.path("hits").get(1).path("amount").asText()).as("money out is negative").isEqualTo("-100.00");
        assertThat(newest.has("amountMinor")).isFalse();
        assertThat(newest.path("reasonCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(newest.path("reason").asText()).isEqualTo("Transfer returned: the transfer could not be completed");
        assertThat(newest.path("balanceAfter").asText()).isEqualTo("24.50");
        assertThat(newest.path("transferId").asText()).isNotBlank();
        assertThat(newest.path("occurredAt").asText()).isEqualTo("2026-04-11T08:00:00Z");
        assertThat(newest.path("eventId").asText()).isNotBlank();
        assertThat(newest.has("amountKey")).isFalse();
        assertThat(newest.has("amountMinorLow")).isFalse();
        assertThat(newest.has("amountMinorMid")).isFalse();
        assertThat(newest.has("amountMinorHigh")).isFalse();
        assertThat(totals(found.path("totalsByType"), "type")).containsExactlyInAnyOrder(
                "DEPOSIT EUR 2 30.00", "WITHDRAWAL EUR 1 5.50", "TRANSFER_DEBIT EUR 1 100.00",
                "TRANSFER_DEBIT_REVERSAL EUR 1 100.00");
        assertThat(totals(found.path("totalsByMonth"), "month")).containsExactly(
                "2026-03 EUR 2 30.00", "2026-04 EUR 3 205.50");
    }

    @Test
    void filtersByAmountTextAndTime() throws Exception {
        AccountId accountId = statementOfMarchAndApril();
        api.awaitUntil(r -> r.path("total").asLong() == 5, OF_ACCOUNT, accountId.value());

        assertThat(types(api.get(OF_ACCOUNT + "&minAmount=10&maxAmount=20.00", accountId.value())))
                .containsExactly("DEPOSIT", "DEPOSIT");
        assertThat(types(api.get(OF_ACCOUNT + "&minAmount=5.5&maxAmount=5.50", accountId.value())))
                .containsExactly("WITHDRAWAL");
        assertThat(types(api.get(OF_ACCOUNT + "&q=refund", accountId.value()))).containsExactly("DEPOSIT");
        assertThat(types(api.get(OF_ACCOUNT + "&q=INSUFFICIENT_FUNDS", accountId.value())))
                .containsExactly("TRANSFER_DEBIT_REVERSAL");
        JsonNode april = api.get(OF_ACCOUNT + "&from=2026-04-01T00:00:00Z&to=2026-04-11T00:00:00Z", accountId.value());
        assertThat(types(april)).containsExactly("TRANSFER_DEBIT", "WITHDRAWAL");
        assertThat(totals(april.path("totalsByMonth"), "month")).containsExactly("2026-04 EUR 2 105.50");
        JsonNode secondPage = api.get(OF_ACCOUNT + "&page=1&size=2", accountId.value());
        assertThat(secondPage.path("total").asLong()).isEqualTo(5);
        assertThat(types(secondPage)).containsExactly("WITHDRAWAL", "DEPOSIT");
    }

    @Test
    void changesNothingWhenALineIsRedelivered() throws Exception {
        AccountId accountId = opened("EUR");
        MoneyDeposited deposit = deposited(accountId, Money.of("12.34", "EUR"), Money.of("12.34", "EUR"), "twice", null);
        String eventId = UUID.randomUUID().toString();
        events.publish(deposit, "Account", 1, Instant.parse("2026-05-01T10:00:00Z"), eventId, Map.of());
        events.publish(deposit, "Account", 1, Instant.parse("2026-05-02T10:00:00Z"), UUID.randomUUID().toString(),
                Map.of());
        // same key, same partition: once the later line shows, the redelivery before it was handled too
        events.publish(withdrawn(accountId, Money.of("0.34", "EUR"), Money.of("12.00", "EUR"), "marker"),
                "Account", 2, Instant.parse("2026-05-03T10:00:00Z"));

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() >= 2, OF_ACCOUNT, accountId.value());

        assertThat(found.path("total").asLong()).isEqualTo(2);
        JsonNode deposited = found.path("hits").get(1);
        assertThat(deposited.path("eventId").asText()).isEqualTo(eventId);
        assertThat(deposited.path("occurredAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(totals(found.path("totalsByType"), "type")).contains("DEPOSIT EUR 1 12.34");
    }

    @Test
    void sumsInTheMinorUnitsOfEachCurrency() throws Exception {
        AccountId accountId = opened("JPY");
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        events.publish(deposited(accountId, Money.of("1500", "JPY"), Money.of("1500", "JPY"), "yen", null),
                "Account", 1, at);
        events.publish(deposited(accountId, Money.of("7", "JPY"), Money.of("1507", "JPY"), "yen", null),
                "Account", 2, at);

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 2, OF_ACCOUNT, accountId.value());

        assertThat(found.path("hits").get(0).path("amount").asText()).isEqualTo("7");
        assertThat(totals(found.path("totalsByType"), "type")).containsExactly("DEPOSIT JPY 2 1507");
    }

    @Test
    void refusesUnreadableOrOutOfRangeParameters() throws Exception {
        for (String query : List.of("minAmount=ten", "maxAmount=1e400", "minAmount=5&maxAmount=4", "from=yesterday",
                "to=2026-13-01T00:00:00Z", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "size=0", "size=101",
                "page=-1", "page=100&size=100", "page=x")) {
            JsonNode problem = api.problem("/api/search/transactions?" + query);
            assertThat(problem.path("code").asText()).as(query).isEqualTo("INVALID_REQUEST");
        }
    }

    /** Two deposits in March; a withdrawal, a transfer debit and its reversal in April. */
    private AccountId statementOfMarchAndApril() throws Exception {
        AccountId accountId = opened("EUR");
        TransferId transferId = TransferId.random();
        events.publish(deposited(accountId, eur("10.00"), eur("10.00"), "salary march", "INV-1"),
                "Account", 1, Instant.parse("2026-03-05T12:00:00Z"));
        events.publish(deposited(accountId, eur("20.00"), eur("30.00"), "rent refund", null),
                "Account", 2, Instant.parse("2026-03-20T12:00:00Z"));
        events.publish(withdrawn(accountId, eur("5.50"), eur("24.50"), "coffee beans"),
                "Account", 3, Instant.parse("2026-04-02T12:00:00Z"));
        events.publish(new AccountDebitedForTransfer(accountId, transferId, eur("100.00"), eur("-75.50")),
                "Account", 4, Instant.parse("2026-04-10T12:00:00Z"));
        events.publish(new TransferDebitReversed(accountId, transferId, eur("100.00"), eur("24.50"),
                "INSUFFICIENT_FUNDS"), "Account", 5, Instant.parse("2026-04-11T08:00:00Z"));
        // a line of another account must not count
        events.publish(new AccountCreditedForTransfer(opened("EUR"), transferId, eur("100.00"), eur("100.00")),
                "Account", 1, Instant.parse("2026-04-10T12:00:00Z"));
        return accountId;
    }

    /** Opens an account first, so that the other projections see its lines in a valid order. */
    private AccountId opened(String currency) throws Exception {
        AccountId accountId = AccountId.random();
        CustomerId owner = CustomerId.random();
        owners.put(accountId, owner);
        events.publish(new AccountOpened(accountId, owner, Currency.getInstance(currency),
                Money.of("0", currency)), "Account", 0, Instant.parse("2026-01-01T00:00:00Z"));
        return accountId;
    }

    private MoneyDeposited deposited(AccountId accountId, Money amount, Money balance, String description,
            String reference) {
        return keys.deposited(accountId, owners.get(accountId), amount, balance, description, reference, null);
    }

    private MoneyWithdrawn withdrawn(AccountId accountId, Money amount, Money balance, String description) {
        return keys.withdrawn(accountId, owners.get(accountId), amount, balance, description, null);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static List<String> types(JsonNode found) {
        List<String> types = new ArrayList<>();
        found.path("hits").forEach(hit -> types.add(hit.path("type").asText()));
        return types;
    }

    private static List<String> totals(JsonNode totals, String key) {
        List<String> lines = new ArrayList<>();
        totals.forEach(total -> lines.add(total.path(key).asText() + " " + total.path("currency").asText() + " "
                + total.path("count").asLong() + " " + total.path("amount").asText()));
        return lines;
    }
}
