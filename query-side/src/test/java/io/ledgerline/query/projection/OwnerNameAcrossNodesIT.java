package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import java.time.Duration;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's registration and the opening of their account travel on different partitions, so
 * two query nodes may project them at the same moment, each in a transaction that cannot see the
 * other's row: the account's owner name must still be there once both committed.
 */
class OwnerNameAcrossNodesIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    SqlProjection projection;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountOpenedWhileItsOwnersRegistrationIsUncommittedGetsTheOwnersName() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        var registration = new PolledRecords(json).event(keys.registered(owner, "Nora Nodes", "nora@example.org"),
                "Customer", 0).poll();
        var opening = new PolledRecords(json).event(new AccountOpened(account, owner, EUR, Money.zero(EUR)),
                "Account", 0).poll();
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> firstNode = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            projection.apply(registration);
            registered.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
        }));
        assertThat(registered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> secondNode = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> projection.apply(opening)));
        // the opening has run into the uncommitted registration: it waits for it, or it went ahead without it
        await().atMost(Duration.ofSeconds(30)).until(() -> secondNode.isDone() || jdbc.queryForObject(
                "SELECT count(*) FROM pg_locks WHERE NOT granted", Integer.class) > 0);
        commit.countDown();
        firstNode.get(30, TimeUnit.SECONDS);
        secondNode.get(30, TimeUnit.SECONDS);

        assertThat(jdbc.queryForObject("SELECT owner_name FROM account_view WHERE account_id = ?", String.class,
                account.value())).isEqualTo("Nora Nodes");
    }
}
