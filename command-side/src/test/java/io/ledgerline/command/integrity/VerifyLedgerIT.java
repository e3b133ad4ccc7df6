package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command-line verification against the database, as an auditor runs it on a copy. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class VerifyLedgerIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSourceProperties database;
    @Autowired
    CheckpointKeys keys;
    @Autowired
    DataSource dataSource;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void exitsZeroForIntactChainsAndOneWithTheBreakForADeletedEvent() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Cli User", "cli-" + customerId + "@example.org"));
        long from = head() + 1;
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("1.00"), EUR, "one"));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("2.00"), EUR, "two"));
        long to = head();

        assertThat(run(from, to)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"eventsChecked\" : 3", "\"breaks\" : [ ]");

        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", accountId.value());
        out.reset();

        assertThat(run(from, to)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"kind\" : \"MISSING\"", "\"globalIndex\" : " + to);
    }

    @Test
    void checksTheCheckpointsOfTheRangeWithThePublicKeyGivenAndRefusesToSkipThem() throws Exception {
        long from = head() + 1;
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Cli Auditor", "cli-" + customerId + "@example.org"));
        long to = head();
        try (Connection connection = dataSource.getConnection()) {
            // the scheduled writer may hold the lock for a moment
            await().atMost(Duration.ofSeconds(30)).until(() -> !new CheckpointStore().writeUpTo(connection, to, 1_000_000,
                    keys).isEmpty() || jdbc.queryForObject("SELECT count(*) FROM ledger_checkpoint WHERE to_global_index >= ?",
                    Long.class, to) > 0);
        }

        assertThat(VerifyLedger.run(new String[] {VerifyLedger.PUBLIC_KEY_OPTION + keys.publicKeyBase64(),
                database.determineUrl(), database.determineUsername(), Long.toString(from), Long.toString(to)},
                database.determinePassword(), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"checkpointsChecked\" : 1", "\"checkpointBreaks\" : [ ]");

        out.reset();
        assertThat(VerifyLedger.run(new String[] {database.determineUrl(), database.determineUsername(),
                Long.toString(from), Long.toString(to)}, database.determinePassword(), null, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("give their public key");
    }

    @Test
    void exitsTwoWithUsageWhenArgumentsAreMissing() {
        assertThat(VerifyLedger.run(new String[] {database.determineUrl()}, null, null, new PrintStream(out),
                new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: VerifyLedger");
    }

    private int run(long from, long to) {
        return VerifyLedger.run(new String[] {database.determineUrl(), database.determineUsername(), Long.toString(from),
                Long.toString(to)}, database.determinePassword(), keys.publicKeyBase64(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }
}
