package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** The SQL projection takes a whole poll at once: in one transaction, with duplicates and poison records in it. */
class SqlProjectionPollIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    SqlProjection projection;

    @Test
    void appliesEveryEventOfAPollOnceHoweverOftenItIsDelivered() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        PolledRecords poll = new PolledRecords(json)
                .event(keys.registered(owner, "Polly Batch", "polly@example.org"), "Customer", 0)
                .event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(deposit(owner, account, "10.00", "10.00"), "Account", 1)
                .event(new AccountFrozen(account), "Account", 2)
                .again(2)
                .event(new OverdraftLimitChanged(account, money("50.00")), "Account", 3)
                .again(3)
                .event(deposit(owner, account, "15.00", "25.00"), "Account", 4);

        projection.on(poll.poll());
        projection.on(poll.poll());

        JsonNode view = get("/api/accounts/{id}", account);
        assertThat(view.path("version").asLong()).isEqualTo(4);
        assertThat(view.path("balance").asText()).isEqualTo("25.00");
        assertThat(view.path("availableBalance").asText()).isEqualTo("75.00");
        assertThat(view.path("status").asText()).isEqualTo("FROZEN");
        assertThat(view.path("ownerName").asText()).isEqualTo("Polly Batch");
        assertThat(get("/api/accounts/{id}/transactions", account).path("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void appliesOnlyWhatARowLacksWhenAPollRedeliversPartOfItsHistory() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        PolledRecords history = new PolledRecords(json)
                .event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(new AccountFrozen(account), "Account", 1)
                .event(new AccountUnfrozen(account), "Account", 2);
        projection.on(history.poll().subList(0, 3));
        PolledRecords redelivered = new PolledRecords(json)
                .event(deposit(owner, account, "8.00", "8.00"), "Account", 3);

        // the freeze is older than the row, so the unfreeze after it must stand
        projection.on(List.of(history.get(1), redelivered.get(0)));

        JsonNode view = get("/api/accounts/{id}", account);
        assertThat(view.path("version").asLong()).isEqualTo(3);
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("balance").asText()).isEqualTo("8.00");
    }

    @Test
    void appliesTheRecordsBeforeAPoisonRecordAndNamesItToTheContainer() throws Exception {
        AccountId before = AccountId.random();
        AccountId poisoned = AccountId.random();
        AccountId after = AccountId.random();
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        PolledRecords poll = new PolledRecords(json)
                .event(new AccountOpened(before, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(deposit(owner, before, "10.00", "10.00"), "Account", 1)
                .unreadable(MoneyDeposited.class, poisoned.value(), "Account", 1)
                .event(new AccountOpened(after, owner, EUR, Money.zero(EUR)), "Account", 0);

        assertThatThrownBy(() -> projection.on(poll.poll()))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getRecord()).isSameAs(poll.get(2)));

        assertThat(get("/api/accounts/{id}", before).path("balance").asText()).isEqualTo("10.00");
        // the container delivers the records after the failed one again
        assertThat(http.getForEntity("/api/accounts/{id}", String.class, after).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void parksExactlyThePoisonRecordOfAPollAndProjectsTheRest() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId healthy = AccountId.random();
        AccountId poisoned = AccountId.random();
        AccountId later = AccountId.random();
        PolledRecords burst = new PolledRecords(json)
                .event(new AccountOpened(healthy, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(deposit(owner, healthy, "10.00", "10.00"), "Account", 1)
                .unreadable(MoneyDeposited.class, poisoned.value(), "Account", 0)
                .event(new AccountOpened(later, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(deposit(owner, later, "4.00", "4.00"), "Account", 1)
                .again(1)
                .event(deposit(owner, healthy, "5.00", "15.00"), "Account", 2);

        publishAtOnce(burst.poll());

        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 2, healthy);
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, later);
        JsonNode parked = eventually("/api/admin/parked-events?projection={group}&status=PARKED",
                found -> found.findValuesAsText("aggregateId").contains(poisoned.value()), ProjectionGroups.SQL);
        assertThat(parked.findValuesAsText("aggregateId")).doesNotContain(healthy.value(), later.value());
        assertThat(get("/api/accounts/{id}", healthy).path("balance").asText()).isEqualTo("15.00");
        assertThat(get("/api/accounts/{id}/transactions", healthy).path("totalItems").asLong()).isEqualTo(2);
        assertThat(get("/api/accounts/{id}/transactions", later).path("totalItems").asLong()).isEqualTo(1);
    }

    /** Sends without waiting between records, so that they reach the topic, and a poll, together. */
    private static void publishAtOnce(List<ConsumerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
    }

    private MoneyDeposited deposit(CustomerId owner, AccountId account, String amount, String balance) {
        return keys.deposited(account, owner, money(amount), money(balance), "poll", null, null);
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }
}
