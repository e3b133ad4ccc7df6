package io.ledgerline.query.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding as the query side sees it: names and emails are opened with the customer's key
 * while it exists; once an erasure deleted it, the SQL read models, the accounts and customers
 * indices and the audit index hold no personal data and no ciphertext, also after each of them
 * was rebuilt from the beginning of ledger.events.
 */
class PersonalDataErasureIT extends QuerySideIT {

    private static final List<String> REBUILT_PROJECTIONS = List.of("ledgerline-query-sql",
            "ledgerline-query-search-accounts", "ledgerline-query-search-audit");

    private String word;
    private String name;
    private String email;

    @BeforeEach
    void uniqueDetails() {
        word = "w" + UUID.randomUUID().toString().replace("-", "");
        name = "Erin " + word;
        email = word + "@example.org";
    }

    @Test
    void masksAnErasedCustomerEverywhereAndKeepsItMaskedAfterRebuilds() throws Exception {
        CustomerId customer = ledger.customer(name, email);
        AccountId account = ledger.account(customer, "EUR");

        JsonNode view = eventually("/api/customers/{id}", found -> name.equals(found.path("name").asText()), customer);
        assertThat(view.path("email").asText()).isEqualTo(email);
        eventually("/api/accounts/{id}", found -> name.equals(found.path("ownerName").asText()), account);
        JsonNode hit = eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 1, word)
                .path("hits").get(0);
        assertThat(hit.path("ownerName").asText()).isEqualTo(name);
        assertThat(hit.path("ownerEmail").asText()).isEqualTo(email);
        JsonNode audited = eventually("/api/audit/events?q={q}", found -> found.path("total").asLong() == 1, word);
        assertThat(audited.path("hits").get(0).path("payload").path("email").asText()).isEqualTo(email);
        assertThat(audited.toString()).doesNotContain(PersonalData.SEALED_PREFIX);

        ledger.erase(customer);

        assertErasedEverywhere(customer, account);

        rebuild(REBUILT_PROJECTIONS);

        assertErasedEverywhere(customer, account);
    }

    /** A projection that reaches a registration after the erasure deleted its key (lag, a rebuild) writes the mask. */
    @Test
    void projectsTheMaskForPersonalDataWhoseKeyIsAlreadyGone() throws Exception {
        CustomerId customer = CustomerId.of("cust-" + UUID.randomUUID());
        var registration = keys.registered(customer, name, email);
        keys.shred(customer);
        ledger.publish(registration, "Customer");
        AccountId account = ledger.account(customer, "EUR");

        JsonNode view = eventually("/api/customers/{id}", found -> found.has("name"), customer);
        assertThat(view.path("name").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(view.path("email").asText()).isEqualTo(PersonalDataOpener.ERASED);
        // the account's document may be indexed before its owner's registration reaches the search projection
        JsonNode hit = eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 1
                && found.path("hits").get(0).path("ownerName").isTextual(), account.value()).path("hits").get(0);
        assertThat(hit.path("ownerName").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(hit.path("ownerEmail").asText()).isEqualTo(PersonalDataOpener.ERASED);
        JsonNode audited = eventually("/api/audit/events?q={q}&type=CustomerRegistered",
                found -> found.path("total").asLong() == 1, customer.value());
        assertThat(audited.path("hits").get(0).path("payload").path("name").asText())
                .isEqualTo(PersonalDataOpener.ERASED);
        assertNoPersonalData(view, hit, audited);
    }

    private void assertErasedEverywhere(CustomerId customer, AccountId account) {
        JsonNode view = eventually("/api/customers/{id}", found -> "ERASED".equals(found.path("status").asText()),
                customer);
        assertThat(view.path("name").isNull()).as(view.toString()).isTrue();
        assertThat(view.path("email").isNull()).as(view.toString()).isTrue();
        JsonNode accountView = eventually("/api/accounts/{id}", found -> found.path("ownerName").isNull(), account);
        JsonNode hits = eventually("/api/search/accounts?q={q}",
                found -> found.path("total").asLong() == 1 && found.path("hits").get(0).path("ownerName").isNull(),
                account.value());
        assertThat(hits.path("hits").get(0).path("ownerEmail").isNull()).isTrue();
        eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 0, word);
        eventually("/api/audit/events?q={q}", found -> found.path("total").asLong() == 0, word);
        JsonNode audited = eventually("/api/audit/events?q={q}&type=CustomerRegistered",
                found -> found.path("total").asLong() == 1
                        && found.path("hits").get(0).path("payload").path("name").isNull()
                        && found.path("hits").get(0).path("payload").path("email").isNull(),
                customer.value());
        eventually("/api/audit/events?q={q}&type=CustomerErased", found -> found.path("total").asLong() == 1,
                customer.value());
        assertNoPersonalData(view, accountView, hits, audited);
    }

    private void assertNoPersonalData(JsonNode... answers) {
        for (JsonNode answer : answers) {
            assertThat(answer.toString()).doesNotContain(word, PersonalData.SEALED_PREFIX);
        }
    }
}
