package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.audit.AggregateHistory;
import io.ledgerline.command.audit.AggregateKind;
import io.ledgerline.command.audit.CustomerState;
import io.ledgerline.command.audit.CustomerStateFold;
import io.ledgerline.command.audit.EventPage;
import io.ledgerline.command.audit.PointInHistory;
import io.ledgerline.command.customer.ChangeCustomerDetailsCommand;
import io.ledgerline.command.customer.EraseCustomerCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.PersonalData;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events stored in an older revision, as the event store holds them today: a MoneyDeposited from
 * before deposits had a reference, a CustomerRegistered from before personal data was sealed.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class UpcastingIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AggregateHistory history;
    @Autowired
    CustomerStateFold customerFold;

    @Test
    void readsAStoredRevisionOneDepositAsTheCurrentRevisionAndKeepsCommandingTheAccount() throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Old Timer", "old-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        storeRevisionOneDeposit(accountId, "12.50");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(accountId.value()).asStream().toList();

        assertThat(events).hasSize(2);
        assertThat(events.get(1).getPayload()).isEqualTo(new MoneyDeposited(accountId, Money.of("12.50", "EUR"),
                Money.of("12.50", "EUR"), "Salary", ""));
        long version = commands.<Long>sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("1.00"), EUR, "more"));
        assertThat(version).isEqualTo(2);
        byte[] newest = jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2""",
                byte[].class, accountId.value());
        assertThat(json.readTree(newest).path("balance").path("amount").asText()).isEqualTo("13.50");
    }

    @Test
    void readsAnUnsealedRevisionOneRegistrationSealsTheNextChangeAndMasksItOnceErased() throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        storeRevisionOneRegistration(customerId);

        long version = commands.<Long>sendAndWait(new ChangeCustomerDetailsCommand(customerId, "Ada King",
                "king-" + customerId + "@example.org"));

        assertThat(version).isEqualTo(1);
        JsonNode changed = json.readTree(jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""",
                byte[].class, customerId.value()));
        assertThat(changed.path("name").asText()).startsWith(PersonalData.SEALED_PREFIX);
        assertThat(changed.toString()).doesNotContain("Ada King", "king-");
        assertThat(history.stateAt(AggregateKind.CUSTOMER, customerId.value(), PointInHistory.atVersion(0), customerFold)
                .name()).isEqualTo("Ada Lovelace");

        commands.sendAndWait(new EraseCustomerCommand(customerId));

        EventPage page = history.page(AggregateKind.CUSTOMER, customerId.value(), 0, 10);
        assertThat(page.events()).hasSize(3);
        assertThat(page.toString()).doesNotContain("Ada", "ada@", "king-", PersonalData.SEALED_PREFIX,
                PersonalData.UNSEALED_PREFIX);
        CustomerState registered = history.stateAt(AggregateKind.CUSTOMER, customerId.value(),
                PointInHistory.atVersion(0), customerFold);
        assertThat(registered.name()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(registered.email()).isEqualTo(PersonalDataOpener.ERASED);
    }

    /** The revision-1 golden of shared-events for this customer, with the registry row the command side kept then. */
    private void storeRevisionOneRegistration(CustomerId customerId) throws Exception {
        ObjectNode payload;
        try (InputStream golden = getClass().getResourceAsStream("/golden/CustomerRegistered-1.json")) {
            payload = (ObjectNode) json.readTree(golden);
        }
        payload.put("customerId", customerId.value());
        payload.put("email", "ada-" + customerId + "@example.org");
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, 0, 'Customer', ?, ?, ?, '1', ?, ?)""",
                customerId.value(), UUID.randomUUID().toString(), DateTimeUtils.formatInstant(Instant.now()),
                CustomerRegistered.class.getName(), json.writeValueAsBytes(payload), "{}".getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO customer_registry (customer_id, email, erased) VALUES (?, ?, false)",
                customerId.value(), "ada-" + customerId + "@example.org");
    }

    /** The revision-1 golden of shared-events, for this account, written as Axon wrote it back then. */
    private void storeRevisionOneDeposit(AccountId accountId, String balance) throws Exception {
        ObjectNode payload;
        try (InputStream golden = getClass().getResourceAsStream("/golden/MoneyDeposited-1.json")) {
            payload = (ObjectNode) json.readTree(golden);
        }
        payload.put("accountId", accountId.value());
        ((ObjectNode) payload.path("balance")).put("amount", balance);
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, 1, 'Account', ?, ?, ?, '1', ?, ?)""",
                accountId.value(), UUID.randomUUID().toString(), DateTimeUtils.formatInstant(Instant.now()),
                MoneyDeposited.class.getName(), json.writeValueAsBytes(payload), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
