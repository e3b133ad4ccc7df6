package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.QuerySideIT;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

class SqlReadModelsIT extends QuerySideIT {

    @Autowired
    SqlReadModel sqlReadModel;

    @Test
    void aRebuildCoversTheTableOfEveryFeatureThatRegisteredOne() {
        assertThat(sqlReadModel.tables())
                .containsExactlyInAnyOrder("account_view", "customer_view", "statement_line", "transfer_view");
    }

    @Test
    void keepsProjectingAnAccountAfterItsTransferDebitIsSettled() throws Exception {
        CustomerId owner = ledger.customer("Settler", "settler@example.org");
        AccountId from = ledger.account(owner, "EUR");
        AccountId to = ledger.account(owner, "EUR");
        ledger.deposit(from, "50.00 EUR", "50.00 EUR", "salary");
        TransferId transfer = ledger.transfer(from, "30.00 EUR", to, "20.00 EUR", "20.00 EUR");
        ledger.publish(new TransferDebitSettled(from, transfer), "Account");
        ledger.deposit(from, "5.00 EUR", "35.00 EUR", "after the settlement");

        JsonNode view = eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 4, from);

        assertThat(view.path("balance").asText()).isEqualTo("35.00");
        assertThat(get("/api/admin/parked-events?status=PARKED").toString()).doesNotContain(from.value());
    }

    @Test
    void keepsBalanceAvailableBalanceAndStatementOfAnAccount() throws Exception {
        CustomerId owner = ledger.customer("Ada Lovelace", "ada@example.org");
        AccountId account = ledger.account(owner, "EUR");
        ledger.deposit(account, "100.00 EUR", "100.00 EUR", "salary");
        ledger.withdraw(account, "30.50 EUR", "69.50 EUR", "groceries");

        // the customer's events travel on another partition than the account's and may be projected later
        JsonNode view = eventually("/api/accounts/{id}",
                found -> found.path("version").asLong() == 2 && found.path("ownerName").isTextual(), account);

        assertThat(view.path("balance").asText()).isEqualTo("69.50");
        assertThat(view.path("availableBalance").asText()).isEqualTo("69.50");
        assertThat(view.path("ownerName").asText()).isEqualTo("Ada Lovelace");
        JsonNode statement = get("/api/accounts/{id}/transactions", account);
        assertThat(statement.path("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = statement.path("items").get(0);
        assertThat(newest.path("type").asText()).isEqualTo("WITHDRAWAL");
        assertThat(newest.path("amount").asText()).isEqualTo("-30.50");
        assertThat(newest.path("balanceAfter").asText()).isEqualTo("69.50");
        assertThat(newest.path("description").asText()).isEqualTo("groceries");
        assertThat(statement.path("items").get(1).path("amount").asText()).isEqualTo("100.00");
    }

    @Test
    void pagesAStatementNewestFirstWithoutGapsOrRepeats() throws Exception {
        AccountId account = ledger.account(ledger.customer("Pager", "pager@example.org"), "USD");
        for (int i = 1; i <= 5; i++) {
            ledger.deposit(account, i + ".00 USD", (i * (i + 1) / 2) + ".00 USD", "deposit " + i);
        }
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 5, account);

        JsonNode first = get("/api/accounts/{id}/transactions?page=0&size=2", account);
        JsonNode second = get("/api/accounts/{id}/transactions?page=1&size=2", account);
        JsonNode third = get("/api/accounts/{id}/transactions?page=2&size=2", account);

        assertThat(descriptions(first)).containsExactly("deposit 5", "deposit 4");
        assertThat(descriptions(second)).containsExactly("deposit 3", "deposit 2");
        assertThat(descriptions(third)).containsExactly("deposit 1");
        assertThat(first.path("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void recordsBothSidesOfATransferWithTheirCounterpartyAndItsOutcome() throws Exception {
        CustomerId owner = ledger.customer("Grace Hopper", "grace@example.org");
        AccountId from = ledger.account(owner, "GBP");
        AccountId to = ledger.account(owner, "GBP");
        ledger.deposit(from, "50.00 GBP", "50.00 GBP", "top up");
        TransferId transfer = ledger.transfer(from, "30.00 GBP", to, "20.00 GBP", "20.00 GBP");

        JsonNode outcome = eventually("/api/transfers/{id}", found -> "COMPLETED".equals(found.path("status").asText()),
                transfer);
        assertThat(outcome.path("fromAccountId").asText()).isEqualTo(from.value());
        assertThat(outcome.path("amount").isTextual()).as("a decimal string, as every amount answered").isTrue();
        assertThat(outcome.path("amount").asText()).isEqualTo("20.00");

        JsonNode debit = eventually("/api/accounts/{id}/transactions", found -> found.path("totalItems").asLong() == 2,
                from).path("items").get(0);
        assertThat(debit.path("type").asText()).isEqualTo("TRANSFER_DEBIT");
        assertThat(debit.path("amount").asText()).isEqualTo("-20.00");
        assertThat(debit.path("counterpartyAccountId").asText()).isEqualTo(to.value());
        assertThat(debit.path("transferId").asText()).isEqualTo(transfer.value());
        JsonNode credit = eventually("/api/accounts/{id}/transactions", found -> found.path("totalItems").asLong() == 1,
                to).path("items").get(0);
        assertThat(credit.path("type").asText()).isEqualTo("TRANSFER_CREDIT");
        assertThat(credit.path("counterpartyAccountId").asText()).isEqualTo(from.value());
        assertThat(eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, to)
                .path("balance").asText()).isEqualTo("20.00");
    }

    @Test
    void recordsAFailedTransferWithItsReason() throws Exception {
        TransferId transfer = TransferId.of("tr-" + UUID.randomUUID());
        ledger.publish(new TransferRequested(transfer, AccountId.random(), AccountId.random(), Money.of("5", "EUR"),
                CustomerId.of("cust-" + UUID.randomUUID())),
                "Transfer");
        ledger.publish(new TransferFailed(transfer, "INSUFFICIENT_FUNDS", "Not enough money"), "Transfer");

        JsonNode failed = eventually("/api/transfers/{id}", found -> "FAILED".equals(found.path("status").asText()),
                transfer);

        assertThat(failed.path("failureCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.path("failureReason").asText()).isEqualTo("Not enough money");
    }

    @Test
    void namesTheOwnerWhenTheCustomerArrivesAfterTheAccountAndForgetsItOnErasure() throws Exception {
        CustomerId owner = CustomerId.of("cust-late-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        ledger.publish(new AccountOpened(account, owner, Currency.getInstance("CHF"),
                Money.zero(Currency.getInstance("CHF"))), "Account");
        eventually("/api/accounts/{id}", found -> true, account);

        ledger.publish(keys.registered(owner, "Late Comer", "late@example.org"), "Customer");
        eventually("/api/accounts/{id}", found -> "Late Comer".equals(found.path("ownerName").asText()), account);

        ledger.publish(new CustomerErased(owner), "Customer");
        JsonNode erased = eventually("/api/customers/{id}", found -> "ERASED".equals(found.path("status").asText()),
                owner);
        assertThat(erased.path("name").isNull()).isTrue();
        assertThat(eventually("/api/accounts/{id}", found -> found.path("ownerName").isNull(), account)
                .path("ownerName").isNull()).isTrue();
    }

    @Test
    void listsAccountsByCustomerAndStatus() throws Exception {
        CustomerId owner = ledger.customer("Lister", "lister@example.org");
        AccountId first = ledger.account(owner, "EUR");
        AccountId second = ledger.account(owner, "JPY");
        eventually("/api/accounts/{id}", found -> true, second);
        eventually("/api/accounts/{id}", found -> true, first);

        JsonNode listed = get("/api/accounts?customerId={customer}&status=OPEN", owner);

        assertThat(listed.path("totalItems").asLong()).isEqualTo(2);
        assertThat(listed.path("items").findValuesAsText("accountId"))
                .containsExactlyInAnyOrder(first.value(), second.value());
        assertThat(get("/api/accounts?customerId={customer}&status=CLOSED", owner).path("totalItems").asLong()).isZero();
    }

    @Test
    void changesNothingWhenAnAccountsEventsAreDeliveredAgain() throws Exception {
        AccountId account = ledger.account(ledger.customer("Twice", "twice@example.org"), "EUR");
        ledger.deposit(account, "10.00 EUR", "10.00 EUR", "once");
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, account);

        // the same event again, at its original sequence: a redelivery after a crash
        redeliver(account);
        ledger.deposit(account, "1.00 EUR", "11.00 EUR", "marker");
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 2, account);

        JsonNode statement = get("/api/accounts/{id}/transactions", account);
        assertThat(statement.path("totalItems").asLong()).isEqualTo(2);
        assertThat(get("/api/accounts/{id}", account).path("balance").asText()).isEqualTo("11.00");
    }

    @Test
    void refusesBadQueries() {
        assertThat(http.getForEntity("/api/accounts?size=0", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/accounts?status=SLEEPING", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/accounts/x/transactions?from=yesterday", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/accounts/x?minVersion=abc", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/transfers/nope", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/accounts/nope/transactions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void redeliver(AccountId account) throws Exception {
        ledger.republish(account.value(), 1);
    }

    private static java.util.List<String> descriptions(JsonNode page) {
        return page.path("items").findValuesAsText("description");
    }
}
