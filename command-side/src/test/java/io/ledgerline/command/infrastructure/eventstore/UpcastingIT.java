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
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
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
 * Events stored in an older revision, as the event store holds them today: deposits, withdrawals
 * and transfers from before their text was sealed (and before deposits had references), a
 * CustomerRegistered from before personal data was sealed.
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
        assertThat(events.get(1).getPayload()).isEqualTo(new MoneyDeposited(accountId, null, Money.of("12.50", "EUR"),
                Money.of("12.50", "EUR"), PersonalData.unsealed("Salary"), null, null));
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

    @Test
    void readsEveryOlderBookingAndTransferAsItsSealedRevisionAndShowsItsTextInTheAuditUntilTheOwnerIsErased()
            throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Old Timer", "old-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        storeBooking(accountId, 1, MoneyDeposited.class, "1", "MoneyDeposited-1.json", "12.50");
        storeBooking(accountId, 2, MoneyDeposited.class, "2", "MoneyDeposited-2.json", "25.00");
        storeBooking(accountId, 3, MoneyDeposited.class, "3", "MoneyDeposited-3.json", "37.50");
        storeBooking(accountId, 4, MoneyWithdrawn.class, "1", "MoneyWithdrawn-1.json", "17.50");
        storeBooking(accountId, 5, MoneyWithdrawn.class, "2", "MoneyWithdrawn-2.json", "-2.50");
        // a transfer the saga will refuse (the source has no money): only its request matters here
        AccountId emptySource = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(emptySource, customerId, EUR, null));
        TransferId described = TransferId.random();
        TransferId plain = TransferId.random();
        storeRevisionOneTransfer(described, emptySource, "{\"transferDescription\":\"Rent March\",\"user\":\"teller-1\"}");
        storeRevisionOneTransfer(plain, emptySource, "{\"user\":\"teller-1\"}");

        List<Object> payloads = eventStore.readEvents(accountId.value()).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(payloads.subList(1, 6)).containsExactly(
                new MoneyDeposited(accountId, null, eur("12.50"), eur("12.50"), PersonalData.unsealed("Salary"), null, null),
                new MoneyDeposited(accountId, null, eur("12.50"), eur("25.00"), PersonalData.unsealed("Salary"),
                        PersonalData.unsealed("INV-2026-0042"), null),
                new MoneyDeposited(accountId, null, eur("12.50"), eur("37.50"), PersonalData.unsealed("Salary"),
                        PersonalData.unsealed("INV-2026-0042"), PersonalData.unsealed("PAY-7f3a9c21")),
                new MoneyWithdrawn(accountId, null, eur("20.00"), eur("17.50"), PersonalData.unsealed("Cash machine"), null),
                new MoneyWithdrawn(accountId, null, eur("20.00"), eur("-2.50"), PersonalData.unsealed("Cash machine"),
                        PersonalData.unsealed("ATM-0042-118")));
        assertThat(eventStore.readEvents(described.value()).next().getPayload()).isEqualTo(new TransferRequested(
                described, emptySource, AccountId.of("acc-2"), eur("30.00"), null, PersonalData.unsealed("Rent March"), null));
        assertThat(eventStore.readEvents(plain.value()).next().getPayload()).isEqualTo(new TransferRequested(
                plain, emptySource, AccountId.of("acc-2"), eur("30.00"), null));
        long version = commands.<Long>sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("1.00"), EUR, "more"));
        assertThat(version).isEqualTo(6);

        JsonNode audited = json.valueToTree(history.page(AggregateKind.ACCOUNT, accountId.value(), 0, 10));
        assertThat(audited.path("events").get(3).path("payload").path("description").asText()).isEqualTo("Salary");
        assertThat(audited.path("events").get(3).path("payload").path("reference").asText()).isEqualTo("INV-2026-0042");
        assertThat(audited.path("events").get(3).path("payload").path("externalReference").asText())
                .isEqualTo("PAY-7f3a9c21");
        assertThat(audited.path("events").get(5).path("payload").path("externalReference").asText())
                .isEqualTo("ATM-0042-118");
        assertThat(audited.path("events").get(6).path("payload").path("description").asText()).isEqualTo("more");
        assertThat(audited.toString()).doesNotContain(PersonalData.UNSEALED_PREFIX, PersonalData.SEALED_PREFIX);
        JsonNode transfer = json.valueToTree(history.page(AggregateKind.TRANSFER, described.value(), 0, 10));
        assertThat(transfer.path("events").get(0).path("payload").path("description").asText()).isEqualTo("Rent March");
        assertThat(transfer.path("events").get(0).path("metadata").has("transferDescription")).isFalse();
        assertThat(transfer.path("events").get(0).path("metadata").path("user").asText()).isEqualTo("teller-1");
        JsonNode withoutText = json.valueToTree(history.page(AggregateKind.TRANSFER, plain.value(), 0, 10));
        assertThat(withoutText.path("events").get(0).path("type").asText()).isEqualTo("TransferRequested");
        assertThat(withoutText.path("events").get(0).path("payload").path("description").isNull()).isTrue();
        assertThat(withoutText.path("events").get(0).path("payload").path("amount").path("amount").asText())
                .isEqualTo("30.00");

        commands.sendAndWait(new EraseCustomerCommand(customerId));

        String erasedAccount = json.writeValueAsString(history.page(AggregateKind.ACCOUNT, accountId.value(), 0, 10));
        assertThat(erasedAccount).doesNotContain("Salary", "INV-2026-0042", "PAY-7f3a9c21", "Cash machine", "ATM-0042-118",
                "\"more\"").contains(PersonalDataOpener.ERASED);
        assertThat(json.writeValueAsString(history.page(AggregateKind.TRANSFER, described.value(), 0, 10)))
                .doesNotContain("Rent March").contains(PersonalDataOpener.ERASED);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** A shared-events golden of an older revision, for this account, written as Axon wrote it back then. */
    private void storeBooking(AccountId accountId, long sequence, Class<?> type, String revision, String golden,
            String balance) throws Exception {
        ObjectNode payload;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + golden)) {
            payload = (ObjectNode) json.readTree(in);
        }
        payload.put("accountId", accountId.value());
        ((ObjectNode) payload.path("balance")).put("amount", balance);
        store("Account", accountId.value(), sequence, type, revision, payload, "{}");
    }

    /** Revision 1 of TransferRequested; the client's text, if any, travelled as metadata. */
    private void storeRevisionOneTransfer(TransferId transferId, AccountId source, String metadata) throws Exception {
        ObjectNode payload;
        try (InputStream in = getClass().getResourceAsStream("/golden/TransferRequested-1.json")) {
            payload = (ObjectNode) json.readTree(in);
        }
        payload.put("transferId", transferId.value());
        payload.put("sourceAccountId", source.value());
        store("Transfer", transferId.value(), 0, TransferRequested.class, "1", payload, metadata);
    }

    private void store(String aggregateType, String aggregateId, long sequence, Class<?> type, String revision,
            ObjectNode payload, String metadata) throws Exception {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                aggregateId, sequence, aggregateType, UUID.randomUUID().toString(),
                DateTimeUtils.formatInstant(Instant.now()), type.getName(), revision, json.writeValueAsBytes(payload),
                metadata.getBytes(StandardCharsets.UTF_8));
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
