package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.localstack.junit.RealInfrastructure;
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

/** A MoneyDeposited stored as revision 1, before deposits had a reference, as the event store holds it today. */
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

    @Test
    void readsAStoredRevisionOneDepositAsRevisionTwoAndKeepsCommandingTheAccount() throws Exception {
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
