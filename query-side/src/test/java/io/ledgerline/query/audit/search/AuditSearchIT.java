package io.ledgerline.query.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.query.search.SearchApiIT;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSearchIT extends SearchApiIT {

    private final Map<AccountId, CustomerId> owners = new HashMap<>();

    private static final String BY_CORRELATION = "/api/audit/events?correlationId={id}";

    @Test
    void findsTheEventsOfOneCorrelationNewestFirstWithTheirMetadata() throws Exception {
        AccountId accountId = opened();
        String correlationId = UUID.randomUUID().toString();
        String depositId = UUID.randomUUID().toString();
        String freezeId = UUID.randomUUID().toString();
        events.publish(deposit(accountId, "audited deposit"), "Account", 1, Instant.parse("2026-03-01T10:00:00Z"),
                depositId, Map.of("user", "alice", "correlationId", correlationId, "causationId", "cmd-1",
                        "clientIp", "10.0.0.7"));
        events.publish(new AccountFrozen(accountId), "Account", 2, Instant.parse("2026-03-01T11:00:00Z"), freezeId,
                Map.of("user", "alice", "correlationId", correlationId, "causationId", depositId));
        events.publish(new AccountUnfrozen(accountId), "Account", 3, Instant.parse("2026-03-01T12:00:00Z"));

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 2, BY_CORRELATION, correlationId);

        JsonNode newest = found.path("hits").get(0);
        assertThat(newest.path("eventId").asText()).isEqualTo(freezeId);
        assertThat(newest.path("type").asText()).isEqualTo("AccountFrozen");
        assertThat(newest.path("causationId").asText()).isEqualTo(depositId);
        JsonNode deposit = found.path("hits").get(1);
        assertThat(deposit.path("eventId").asText()).isEqualTo(depositId);
        assertThat(deposit.path("aggregateType").asText()).isEqualTo("Account");
        assertThat(deposit.path("aggregateId").asText()).isEqualTo(accountId.value());
        assertThat(deposit.path("sequence").asLong()).isEqualTo(1);
        assertThat(deposit.path("globalPosition").asLong()).isPositive();
        assertThat(deposit.path("timestamp").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(deposit.path("user").asText()).isEqualTo("alice");
        assertThat(deposit.path("causationId").asText()).isEqualTo("cmd-1");
        assertThat(deposit.path("metadata").path("clientIp").asText()).isEqualTo("10.0.0.7");
        assertThat(deposit.path("payload").path("amount").path("amount").asText()).isEqualTo("25.00");
        assertThat(deposit.has("payloadText")).isFalse();
        assertThat(deposit.path("payload").path("description").asText()).isEqualTo("audited deposit");
        assertThat(deposit.path("payload").path("customerId").asText()).isEqualTo(owners.get(accountId).value());
        assertThat(deposit.has("textOwner")).isFalse();
    }

    @Test
    void findsEventsByTypeUserTimeAndPayloadText() throws Exception {
        AccountId accountId = opened();
        String user = "auditor-" + UUID.randomUUID();
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> metadata = Map.of("user", user);
        events.publish(deposit(accountId, "pay " + word), "Account", 1, Instant.parse("2026-04-01T10:00:00Z"),
                UUID.randomUUID().toString(), metadata);
        events.publish(new AccountFrozen(accountId), "Account", 2, Instant.parse("2026-04-02T10:00:00Z"),
                UUID.randomUUID().toString(), metadata);
        events.publish(new AccountUnfrozen(accountId), "Account", 3, Instant.parse("2026-04-03T10:00:00Z"),
                UUID.randomUUID().toString(), metadata);
        String byUser = "/api/audit/events?user={user}";
        api.awaitUntil(r -> r.path("total").asLong() == 3, byUser, user);

        assertThat(types(api.get(byUser + "&type=AccountFrozen", user))).containsExactly("AccountFrozen");
        assertThat(types(api.get(byUser + "&from=2026-04-02T00:00:00Z&to=2026-04-03T00:00:00Z", user)))
                .containsExactly("AccountFrozen");
        assertThat(types(api.get("/api/audit/events?q={word}", word))).containsExactly("MoneyDeposited");
        assertThat(types(api.get(byUser + "&page=1&size=2", user))).containsExactly("MoneyDeposited");
    }

    @Test
    void changesNothingWhenAnEventIsRedelivered() throws Exception {
        AccountId accountId = opened();
        String correlationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, String> metadata = Map.of("correlationId", correlationId);
        events.publish(deposit(accountId, "once"), "Account", 1, Instant.parse("2026-03-01T10:00:00Z"), eventId,
                metadata);
        events.publish(deposit(accountId, "once"), "Account", 1, Instant.parse("2026-03-02T10:00:00Z"), eventId,
                metadata);
        events.publish(new AccountFrozen(accountId), "Account", 2, Instant.parse("2026-03-03T10:00:00Z"),
                UUID.randomUUID().toString(), metadata);

        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() >= 2, BY_CORRELATION, correlationId);

        assertThat(found.path("total").asLong()).isEqualTo(2);
        assertThat(found.path("hits").get(1).path("timestamp").asText()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void forgetsTheNameAndEmailOfAnErasedCustomer() throws Exception {
        CustomerId customerId = CustomerId.random();
        String name = "n" + UUID.randomUUID().toString().replace("-", "");
        String correlationId = UUID.randomUUID().toString();
        Map<String, String> metadata = Map.of("correlationId", correlationId);
        events.publish(keys.registered(customerId, name, name + "@example.com"), "Customer", 0,
                Instant.parse("2026-03-01T10:00:00Z"), UUID.randomUUID().toString(), metadata);
        api.awaitUntil(r -> r.path("total").asLong() == 1, "/api/audit/events?q={name}", name);

        keys.shred(customerId);
        events.publish(new CustomerErased(customerId), "Customer", 1, Instant.parse("2026-03-02T10:00:00Z"),
                UUID.randomUUID().toString(), metadata);

        api.awaitUntil(r -> r.path("total").asLong() == 0, "/api/audit/events?q={name}", name);
        JsonNode found = api.awaitUntil(r -> r.path("total").asLong() == 2, BY_CORRELATION, correlationId);
        JsonNode registered = found.path("hits").get(1).path("payload");
        assertThat(registered.path("customerId").asText()).isEqualTo(customerId.value());
        assertThat(registered.path("name").isNull()).isTrue();
        assertThat(registered.path("email").isNull()).isTrue();
    }

    @Test
    void refusesUnreadableOrOutOfRangeParameters() throws Exception {
        for (String query : List.of("from=now", "to=2026-03-01", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "size=0", "size=500", "page=-1", "page=200&size=50")) {
            JsonNode problem = api.problem("/api/audit/events?" + query);
            assertThat(problem.path("code").asText()).as(query).isEqualTo("INVALID_REQUEST");
        }
    }

    /** Opens an account first, so that the other projections see its events in a valid order. */
    private AccountId opened() throws Exception {
        AccountId accountId = AccountId.random();
        CustomerId owner = CustomerId.random();
        owners.put(accountId, owner);
        events.publish(new AccountOpened(accountId, owner, Currency.getInstance("EUR"),
                Money.of("0", "EUR")), "Account", 0, Instant.parse("2026-01-01T00:00:00Z"));
        return accountId;
    }

    private MoneyDeposited deposit(AccountId accountId, String description) {
        return keys.deposited(accountId, owners.get(accountId), Money.of("25.00", "EUR"), Money.of("25.00", "EUR"),
                description, null, null);
    }

    private static List<String> types(JsonNode found) {
        return found.path("hits").findValuesAsText("type");
    }
}
