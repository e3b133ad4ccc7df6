package io.ledgerline.query.accounts.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.query.search.SearchApiIT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class AccountSearchIT extends SearchApiIT {

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final String SEARCH = "/api/search/accounts?q={q}";

    @Test
    void findsAnAccountByItsOwnerWhenTheCustomerCameFirst() throws Exception {
        CustomerId customerId = CustomerId.random();
        AccountId accountId = AccountId.random();
        String surname = uniqueWord();
        events.publish(keys.registered(customerId, "Margarethe " + surname, surname + "@example.com"),
                "Customer", 0, AT);
        events.publish(opened(accountId, customerId), "Account", 0, AT);

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, "margarethe " + surname);

        JsonNode hit = found.path("hits").get(0);
        assertThat(hit.path("accountId").asText()).isEqualTo(accountId.value());
        assertThat(hit.path("customerId").asText()).isEqualTo(customerId.value());
        assertThat(hit.path("ownerName").asText()).isEqualTo("Margarethe " + surname);
        assertThat(hit.path("ownerEmail").asText()).isEqualTo(surname + "@example.com");
        assertThat(hit.path("status").asText()).isEqualTo("OPEN");
        assertThat(hit.path("balance").asText()).isEqualTo("0.00");
        assertThat(hit.has("balanceMinor")).isFalse();
        assertThat(hit.path("openedAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void findsAnAccountByItsOwnerWhenTheCustomerCameAfterTheAccount() throws Exception {
        CustomerId customerId = CustomerId.random();
        AccountId accountId = AccountId.random();
        String surname = uniqueWord();
        events.publish(opened(accountId, customerId), "Account", 0, AT);
        api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, accountId.value());

        events.publish(keys.registered(customerId, "Ines " + surname, surname + "@example.org"),
                "Customer", 0, AT);

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, surname);
        assertThat(found.path("hits").get(0).path("accountId").asText()).isEqualTo(accountId.value());
        assertThat(api.get(SEARCH, surname + "@example.org").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void answersAccountsOfEqualScoreInAccountIdOrder() throws Exception {
        CustomerId customerId = CustomerId.random();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AccountId accountId = AccountId.random();
            opened.add(accountId.value());
            events.publish(opened(accountId, customerId), "Account", 0, AT);
        }

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 4, SEARCH, customerId.value());

        List<String> answered = new ArrayList<>();
        found.path("hits").forEach(hit -> answered.add(hit.path("accountId").asText()));
        assertThat(answered).containsExactlyElementsOf(opened.stream().sorted().toList());
    }

    @Test
    void toleratesTyposInTheOwnersName() throws Exception {
        CustomerId customerId = CustomerId.random();
        AccountId accountId = AccountId.random();
        String surname = uniqueWord();
        events.publish(keys.registered(customerId, "Bartholomew " + surname, surname + "@example.com"),
                "Customer", 0, AT);
        events.publish(opened(accountId, customerId), "Account", 0, AT);
        api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, surname);

        String misspelt = surname.substring(0, 3) + surname.charAt(4) + surname.charAt(3) + surname.substring(5);
        JsonNode found = api.get(SEARCH, "Bartolomew " + misspelt);

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("hits").get(0).path("accountId").asText()).isEqualTo(accountId.value());
    }

    @Test
    void followsChangedDetailsAndForgetsThemOnErasure() throws Exception {
        CustomerId customerId = CustomerId.random();
        AccountId accountId = AccountId.random();
        String before = uniqueWord();
        String after = uniqueWord();
        events.publish(keys.registered(customerId, "Ada " + before, before + "@example.com"), "Customer", 0, AT);
        events.publish(opened(accountId, customerId), "Account", 0, AT);
        api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, before);

        events.publish(keys.detailsChanged(customerId, "Ada " + after, after + "@example.com"), "Customer", 1, AT);
        api.awaitUntil(r -> r.path("total").asLong() == 1, SEARCH, after);
        assertThat(api.get(SEARCH, before).path("total").asLong()).isZero();

        keys.shred(customerId);
        events.publish(new CustomerErased(customerId), "Customer", 2, AT);
        JsonNode erased = api.awaitUntil(r -> r.path("hits").get(0).path("ownerName").isNull(), SEARCH, accountId.value());
        assertThat(erased.path("hits").get(0).path("ownerEmail").isNull()).isTrue();
        assertThat(api.get(SEARCH, after).path("total").asLong()).isZero();
    }

    @Test
    void keepsTheBalanceOfTheLatestEventWhenAnOlderOneIsRedelivered() throws Exception {
        CustomerId customerId = CustomerId.random();
        AccountId accountId = AccountId.random();
        String surname = uniqueWord();
        events.publish(keys.registered(customerId, "Otto " + surname, surname + "@example.com"), "Customer", 0, AT);
        events.publish(opened(accountId, customerId), "Account", 0, AT);
        MoneyDeposited first = deposit(customerId, accountId, "10.00", "10.00");
        events.publish(first, "Account", 1, AT);
        events.publish(deposit(customerId, accountId, "20.00", "30.00"), "Account", 2, AT);
        events.publish(first, "Account", 1, AT);
        events.publish(opened(accountId, customerId), "Account", 0, AT);
        // same key, same partition: once the freeze shows, the redeliveries before it were handled too
        events.publish(new AccountFrozen(accountId), "Account", 3, AT);

        // the owner's name is copied by whichever of the two projections writes last, so it may follow the freeze
        JsonNode hit = api.awaitUntil(r -> r.path("hits").get(0).path("status").asText().equals("FROZEN")
                        && r.path("hits").get(0).path("ownerName").asText().equals("Otto " + surname),
                SEARCH, accountId.value()).path("hits").get(0);

        assertThat(hit.path("balance").asText()).isEqualTo("30.00");
    }

    @Test
    void keepsTheCurrencysMinorUnitsInTheBalance() throws Exception {
        AccountId accountId = AccountId.random();
        CustomerId customerId = CustomerId.random();
        events.publish(new AccountOpened(accountId, customerId, Currency.getInstance("JPY"),
                Money.of("0", "JPY")), "Account", 0, AT);
        events.publish(keys.deposited(accountId, customerId, Money.of("1500", "JPY"), Money.of("1500", "JPY"), "gift",
                null, null), "Account", 1, AT);

        JsonNode hit = api.awaitUntil(r -> r.path("hits").get(0).path("balance").asText().equals("1500"),
                SEARCH, accountId.value()).path("hits").get(0);

        assertThat(hit.path("balance").asText()).isEqualTo("1500");
    }

    @Test
    void refusesAnOutOfRangeSize() throws Exception {
        assertThat(api.problem("/api/search/accounts?q=x&size=0").path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(api.problem("/api/search/accounts?q=x&size=101").path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    private static AccountOpened opened(AccountId accountId, CustomerId customerId) {
        return new AccountOpened(accountId, customerId, Currency.getInstance("EUR"), Money.of("0", "EUR"));
    }

    private MoneyDeposited deposit(CustomerId owner, AccountId accountId, String amount, String balance) {
        return keys.deposited(accountId, owner, Money.of(amount, "EUR"), Money.of(balance, "EUR"), "deposit", null,
                null);
    }

    /** A made-up surname no other test uses, so that a fuzzy search finds exactly one owner. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("k");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
