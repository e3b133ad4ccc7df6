package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two query nodes project batches that touch the same two customers, A and B, A's lock key the
 * lower. The other node is played by a test connection that follows the projection's rule (an
 * owner's lock before the owner's rows, owners in the order of their lock keys) and takes A, then
 * B; the batch under test names B first (a customer event) and A later (an account opening, a
 * deposit's text, an account of A's). Were the batch to take B before A, the two would wait for
 * each other crosswise and PostgreSQL would abort one of them ("deadlock detected"). The batch
 * takes all its owners' locks first, in one order, so it waits for A holding nothing.
 */
class OwnerLockOrderIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final UnderALock NOTHING = connection -> { };

    @Autowired
    SqlProjection projection;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchThatNamesItsOwnersOutOfOrderDoesNotDeadlockWithANodeLockingThemInOrder() throws Exception {
        List<CustomerId> owners = twoOwnersInLockOrder();
        CustomerId a = owners.get(0);
        CustomerId b = owners.get(1);
        AccountId account = AccountId.random();
        customer(a);
        customer(b);
        List<ConsumerRecord<String, byte[]>> batch = new PolledRecords(json)
                .event(keys.detailsChanged(b, "Bea Second", "bea@example.org"), "Customer", 1)
                .event(new AccountOpened(account, a, EUR, Money.zero(EUR)), "Account", 0)
                .poll();

        runCrosswise(a, b, batch, NOTHING, NOTHING);

        assertThat(jdbc.queryForObject("SELECT customer_id FROM account_view WHERE account_id = ?", String.class,
                account.value())).isEqualTo(a.value());
        assertThat(jdbc.queryForObject("SELECT name FROM customer_view WHERE customer_id = ?", String.class,
                b.value())).isEqualTo("Bea Second");
    }

    @Test
    void aBatchSharingAnOwnersRowDoesNotDeadlockWithThatOwnersErasureOnAnotherNode() throws Exception {
        List<CustomerId> owners = twoOwnersInLockOrder();
        CustomerId a = owners.get(0);
        CustomerId b = owners.get(1);
        AccountId account = AccountId.random();
        customer(a);
        customer(b);
        List<ConsumerRecord<String, byte[]>> batch = new PolledRecords(json)
                .event(keys.detailsChanged(b, "Bea Second", "bea@example.org"), "Customer", 1)
                .event(keys.deposited(account, a, Money.of("10.00", "EUR"), Money.of("10.00", "EUR"), "Rent Ann",
                        null, null), "Account", 1)
                .poll();

        // the other node projects A's erasure: A's lock, then A's row
        runCrosswise(a, b, batch, otherNode -> execute(otherNode,
                "UPDATE customer_view SET name = NULL, email = NULL, status = 'ERASED', version = 1 "
                        + "WHERE customer_id = ?", a.value()), NOTHING);

        // the deposit waited for the erasure and wrote its text masked
        assertThat(jdbc.queryForObject("SELECT description FROM statement_line WHERE account_id = ?", String.class,
                account.value())).isEqualTo(PersonalDataOpener.ERASED);
    }

    @Test
    void aBatchOfAccountEventsDoesNotDeadlockWithANodeWritingTheOwnersNamesOnTheirAccounts() throws Exception {
        List<CustomerId> owners = twoOwnersInLockOrder();
        CustomerId a = owners.get(0);
        CustomerId b = owners.get(1);
        AccountId ofA = AccountId.random();
        AccountId ofB = AccountId.random();
        account(ofA, a);
        account(ofB, b);
        List<ConsumerRecord<String, byte[]>> batch = new PolledRecords(json)
                .event(new AccountCreditedForTransfer(ofB, TransferId.random(), Money.of("5.00", "EUR"),
                        Money.of("5.00", "EUR")), "Account", 1)
                .event(new AccountCreditedForTransfer(ofA, TransferId.random(), Money.of("7.00", "EUR"),
                        Money.of("7.00", "EUR")), "Account", 1)
                .poll();

        // the other node projects name changes of A and of B: each writes the name on the customer's accounts
        runCrosswise(a, b, batch,
                otherNode -> execute(otherNode, "UPDATE account_view SET owner_name = 'Ann Renamed' WHERE customer_id = ?",
                        a.value()),
                otherNode -> execute(otherNode, "UPDATE account_view SET owner_name = 'Bea Renamed' WHERE customer_id = ?",
                        b.value()));

        assertThat(jdbc.queryForList("SELECT owner_name || ' ' || balance FROM account_view WHERE account_id IN (?, ?) "
                + "ORDER BY owner_name", String.class, ofA.value(), ofB.value()))
                .containsExactly("Ann Renamed 7.00", "Bea Renamed 5.00");
    }

    /**
     * The other node takes A's lock (and does {@code holdingA} under it); the batch runs until it
     * waits for a lock; then the other node takes B's lock (and does {@code holdingB}) and commits.
     * Fails when either of the two was aborted.
     */
    private void runCrosswise(CustomerId a, CustomerId b, List<ConsumerRecord<String, byte[]>> batch,
            UnderALock holdingA, UnderALock holdingB) throws Exception {
        AtomicInteger batchProcess = new AtomicInteger();
        CompletableFuture<Void> projecting;
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (Statement timeout = otherNode.createStatement()) {
                // long past deadlock_timeout, so a crosswise wait ends as a deadlock rather than as this timeout
                timeout.execute("SET LOCAL lock_timeout = '20s'");
            }
            lockOwner(otherNode, a);
            holdingA.run(otherNode);

            projecting = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                batchProcess.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                projection.apply(batch);
            }));
            await().atMost(Duration.ofSeconds(30)).until(() -> projecting.isDone() || waitsForALock(batchProcess.get()));

            lockOwner(otherNode, b);
            holdingB.run(otherNode);
            otherNode.commit();
        }
        projecting.get(30, TimeUnit.SECONDS);
    }

    /** Two new customers, the one whose lock every node takes first (the lower lock key) first. */
    private List<CustomerId> twoOwnersInLockOrder() {
        CustomerId one = CustomerId.of("cust-" + UUID.randomUUID());
        CustomerId other = CustomerId.of("cust-" + UUID.randomUUID());
        boolean inOrder = jdbc.queryForObject("SELECT hashtext(?) < hashtext(?)", Boolean.class, one.value(),
                other.value());
        return inOrder ? List.of(one, other) : List.of(other, one);
    }

    private boolean waitsForALock(int process) {
        return process != 0 && jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'", Long.class,
                process) > 0;
    }

    private static void lockOwner(Connection connection, CustomerId owner) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, OwnerLocks.LOCK_SPACE);
            lock.setString(2, owner.value());
            lock.execute();
        }
    }

    private void customer(CustomerId id) {
        jdbc.update("""
                INSERT INTO customer_view (customer_id, name, email, status, version, registered_at, updated_at)
                VALUES (?, 'First Name', 'first@example.org', 'ACTIVE', 0, now(), now())""", id.value());
    }

    private void account(AccountId account, CustomerId owner) {
        jdbc.update("""
                INSERT INTO account_view (account_id, customer_id, owner_name, currency, balance, available_balance,
                                          overdraft_limit, status, version, opened_at, updated_at)
                VALUES (?, ?, 'First Name', 'EUR', 0, 0, 0, 'OPEN', 0, now(), now())""", account.value(), owner.value());
    }

    private static void execute(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface UnderALock {
        void run(Connection connection) throws Exception;
    }
}
