package io.ledgerline.query.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.QuerySideIT;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The largest amounts an input may carry, the configured maximum, and balances of 10^15 and 10^20
 * major units, in currencies of 2, 0 and 3 decimals, through every projection and answer: the SQL
 * read models, the accounts, transactions and audit indices, their totals, and a rebuild of each
 * model. Every figure is compared as the exact decimal string, and no event may be parked.
 */
class RangeOfMoneyIT extends QuerySideIT {

    /** The largest amount the command side's input rule lets through: 15 integer digits. */
    private static final String LARGEST_INPUT = "999999999999999.99";
    /** The default of ledgerline.money.max-amount, the largest amount a command is accepted with. */
    private static final String MAXIMUM = "1000000000.00";
    /** As many lines as take a sum of their minor units far past 2^53, where a double stops being exact. */
    private static final int MANY = 120;
    private static final Duration REBUILT = Duration.ofMinutes(5);

    private final List<String> aggregates = new ArrayList<>();

    @Test
    void projectsSearchesAndTotalsTheLargestAmountsAndBalancesExactly() throws Exception {
        Ledger l = publishTheLedger();

        assertEveryReadModel(l);
        assertQueriesOutOfRangeAreRefused(l);

        for (String projection : List.of("ledgerline-query-sql", "ledgerline-query-search-accounts",
                "ledgerline-query-search-transactions", "ledgerline-query-search-audit")) {
            awaitRebuild(startRebuild(projection));
        }
        assertEveryReadModel(l);
        assertNothingParked();
    }

    private record Ledger(AccountId big, AccountId receiver, AccountId huge, AccountId many, AccountId yen,
            AccountId dinar, TransferId transfer, BigDecimal manyTotal) {
    }

    private Ledger publishTheLedger() throws Exception {
        CustomerId owner = ledger.customer("Range Owner", "range-" + System.nanoTime() + "@example.org");
        aggregates.add(owner.value());
        AccountId big = account(owner, "EUR");
        AccountId receiver = account(owner, "EUR");
        AccountId huge = account(owner, "EUR");
        AccountId many = account(owner, "EUR");
        AccountId yen = account(owner, "JPY");
        AccountId dinar = account(owner, "KWD");

        ledger.deposit(big, LARGEST_INPUT + " EUR", LARGEST_INPUT + " EUR", "largest input");
        ledger.deposit(big, "0.01 EUR", "1000000000000000.00 EUR", "to ten to the fifteen");
        ledger.deposit(big, MAXIMUM + " EUR", "1000001000000000.00 EUR", "the maximum");
        TransferId transfer = ledger.transfer(big, "1000000000.01 EUR", receiver, LARGEST_INPUT + " EUR", LARGEST_INPUT + " EUR");
        aggregates.add(transfer.value());

        // the balance as it stands after a hundred thousand such deposits; the projections take it from the event
        ledger.deposit(huge, LARGEST_INPUT + " EUR", "100000000000000000000.00 EUR", "ten to the twenty");
        ledger.withdraw(huge, "0.01 EUR", "99999999999999999999.99 EUR", "a cent out");

        BigDecimal balance = BigDecimal.ZERO;
        for (int i = 0; i < MANY; i++) {
            balance = balance.add(new BigDecimal(LARGEST_INPUT));
            ledger.deposit(many, LARGEST_INPUT + " EUR", balance.toPlainString() + " EUR", "one of many");
        }

        ledger.deposit(yen, "999999999999999 JPY", "999999999999999 JPY", "largest yen");
        ledger.deposit(yen, "100000000000 JPY", "1000099999999999 JPY", "more yen");
        ledger.deposit(dinar, "999999999999999.999 KWD", "999999999999999.999 KWD", "largest dinar");
        ledger.deposit(dinar, "0.001 KWD", "1000000000000000.000 KWD", "a fils more");
        return new Ledger(big, receiver, huge, many, yen, dinar, transfer, balance);
    }

    private AccountId account(CustomerId owner, String currency) throws Exception {
        AccountId account = ledger.account(owner, currency);
        aggregates.add(account.value());
        return account;
    }

    private void assertEveryReadModel(Ledger l) throws Exception {
        // SQL: accounts, statements, transfers
        assertThat(sqlAccount(l.big(), 4).path("balance").asText()).isEqualTo("1000000000.01");
        assertThat(sqlAccount(l.receiver(), 1).path("balance").asText()).isEqualTo(LARGEST_INPUT);
        JsonNode huge = sqlAccount(l.huge(), 2);
        assertThat(huge.path("balance").asText()).isEqualTo("99999999999999999999.99");
        assertThat(huge.path("availableBalance").asText()).isEqualTo("99999999999999999999.99");
        assertThat(sqlAccount(l.many(), MANY).path("balance").asText()).isEqualTo(l.manyTotal().toPlainString());
        assertThat(sqlAccount(l.yen(), 2).path("balance").asText()).isEqualTo("1000099999999999");
        assertThat(sqlAccount(l.dinar(), 2).path("balance").asText()).isEqualTo("1000000000000000.000");
        JsonNode statement = get("/api/accounts/{id}/transactions", l.big());
        assertThat(lines(statement.path("items"), "amount", "balanceAfter")).containsExactly(
                "-" + LARGEST_INPUT + " 1000000000.01", MAXIMUM + " 1000001000000000.00",
                "0.01 1000000000000000.00", LARGEST_INPUT + " " + LARGEST_INPUT);
        ResponseEntity<String> transfer = await().atMost(EVENTUALLY)
                .until(() -> http.getForEntity("/api/transfers/{id}", String.class, l.transfer()),
                        answer -> answer.getStatusCode() == HttpStatus.OK && answer.getBody().contains("COMPLETED"));
        assertThat(transfer.getBody()).contains("\"amount\":\"" + LARGEST_INPUT + "\",");

        // the accounts index
        assertThat(searchedBalance(l.huge(), "99999999999999999999.99").has("balanceMinor")).isFalse();
        searchedBalance(l.many(), l.manyTotal().toPlainString());
        searchedBalance(l.dinar(), "1000000000000000.000");

        // the transactions index: lines, exact totals far past 2^53 minor units, range filters
        JsonNode many = eventually("/api/search/transactions?accountId={id}&size=1",
                found -> found.path("total").asLong() == MANY, l.many());
        assertThat(lines(many.path("totalsByType"), "type", "currency", "count", "amount"))
                .containsExactly("DEPOSIT EUR " + MANY + " " + l.manyTotal().toPlainString());
        assertThat(lines(many.path("totalsByMonth"), "currency", "count", "amount"))
                .containsExactly("EUR " + MANY + " " + l.manyTotal().toPlainString());
        assertThat(many.path("hits").get(0).path("amount").asText()).isEqualTo(LARGEST_INPUT);
        assertThat(many.path("hits").get(0).has("amountMinor")).isFalse();
        JsonNode big = eventually("/api/search/transactions?accountId={id}",
                found -> found.path("total").asLong() == 4, l.big());
        assertThat(lines(big.path("totalsByType"), "type", "count", "amount")).containsExactlyInAnyOrder(
                "DEPOSIT 3 1000001000000000.00", "TRANSFER_DEBIT 1 " + LARGEST_INPUT);
        assertThat(searchedTypes(l.big(), "&minAmount=" + LARGEST_INPUT)).containsExactly("TRANSFER_DEBIT", "DEPOSIT");
        assertThat(searchedTypes(l.big(), "&minAmount=999999999999999.9999999999")).isEmpty();
        assertThat(searchedTypes(l.big(), "&minAmount=1000000000&maxAmount=" + MAXIMUM)).containsExactly("DEPOSIT");
        assertThat(searchedTypes(l.big(), "&maxAmount=0.01")).containsExactly("DEPOSIT");
        assertThat(searchedTypes(l.big(), "&minAmount=0.011&maxAmount=999999999.999")).isEmpty();
        JsonNode receiver = eventually("/api/search/transactions?accountId={id}",
                found -> found.path("total").asLong() == 1, l.receiver());
        assertThat(lines(receiver.path("hits"), "type", "amount", "balanceAfter"))
                .containsExactly("TRANSFER_CREDIT " + LARGEST_INPUT + " " + LARGEST_INPUT);
        assertThat(lines(eventually("/api/search/transactions?accountId={id}", found -> found.path("total").asLong() == 2,
                l.yen()).path("totalsByType"), "type", "currency", "count", "amount"))
                .containsExactly("DEPOSIT JPY 2 1000099999999999");
        assertThat(lines(eventually("/api/search/transactions?accountId={id}", found -> found.path("total").asLong() == 2,
                l.dinar()).path("totalsByType"), "type", "currency", "count", "amount"))
                .containsExactly("DEPOSIT KWD 2 1000000000000000.000");
        assertThat(searchedTypes(l.yen(), "&minAmount=999999999999999")).containsExactly("DEPOSIT");
        assertThat(searchedTypes(l.dinar(), "&minAmount=999999999999999.999")).containsExactly("DEPOSIT");

        // the audit index keeps the events' own decimal strings
        JsonNode audited = eventually("/api/audit/events?type=MoneyDeposited&q={q}",
                found -> found.path("total").asLong() == 1, l.huge().value());
        JsonNode payload = audited.path("hits").get(0).path("payload");
        assertThat(payload.path("amount").path("amount").asText()).isEqualTo(LARGEST_INPUT);
        assertThat(payload.path("balance").path("amount").asText()).isEqualTo("100000000000000000000.00");
    }

    private void assertQueriesOutOfRangeAreRefused(Ledger l) {
        String account = "/api/accounts/" + l.big().value();
        for (String query : List.of(
                "/api/search/transactions?minAmount=99999999999999999999",
                "/api/search/transactions?maxAmount=1000000000000000",
                "/api/search/transactions?minAmount=0.00000000001",
                "/api/search/transactions?from=%2B10000-01-01T00:00:00Z",
                "/api/search/transactions?to=0000-12-31T23:59:59Z",
                "/api/search/transactions?page=2147483647",
                "/api/search/transactions?page=99999999999",
                account + "/transactions?from=%2B1000000000-01-01T00:00:00Z",
                account + "/transactions?to=-0001-01-01T00:00:00Z",
                account + "/transactions?page=2147483647&size=100",
                account + "/transactions?size=99999999999",
                account + "?minVersion=99999999999999999999",
                "/api/audit/events?from=%2B10000-01-01T00:00:00Z",
                "/api/audit/events?to=-1000000000-01-01T00:00:00Z",
                "/api/accounts?page=2147483647")) {
            ResponseEntity<String> answer = http.getForEntity(URI.create(query), String.class);
            assertThat(answer.getStatusCode()).as(query + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(body(answer).path("code").asText()).as(query).isEqualTo("INVALID_REQUEST");
        }
    }

    private void assertNothingParked() {
        JsonNode parked = get("/api/admin/parked-events?status=PARKED&limit=1000");
        assertThat(parked.findValuesAsText("aggregateId")).doesNotContainAnyElementsOf(Set.copyOf(aggregates));
    }

    private JsonNode sqlAccount(AccountId account, long version) {
        return eventually("/api/accounts/{id}?minVersion={version}", found -> found.path("version").asLong() == version,
                account, version);
    }

    private JsonNode searchedBalance(AccountId account, String balance) {
        return eventually("/api/search/accounts?q={id}", found -> found.path("hits").size() == 1
                && found.path("hits").get(0).path("balance").asText().equals(balance), account.value())
                .path("hits").get(0);
    }

    private List<String> searchedTypes(AccountId account, String filters) {
        return get("/api/search/transactions?accountId={id}" + filters, account.value()).path("hits")
                .findValuesAsText("type");
    }

    private static List<String> lines(JsonNode items, String... fields) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(item.path(field).asText());
            }
            lines.add(String.join(" ", values));
        }
        return lines;
    }

    private String startRebuild(String projection) {
        ResponseEntity<String> started = http.postForEntity("/api/admin/projections/{name}/rebuild", null, String.class,
                projection);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return body(started).path("id").asText();
    }

    private void awaitRebuild(String id) {
        JsonNode rebuild = await().atMost(REBUILT).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/admin/rebuilds/{id}", id),
                        found -> !found.path("state").asText().matches("RUNNING|SWAPPING"));
        assertThat(rebuild.path("state").asText()).as(rebuild.toString()).isEqualTo("COMPLETED");
    }
}
