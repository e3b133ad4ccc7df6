package io.ledgerline.query.graphql.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.query.projection.Projected;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

class LiveReadsTest {

    private final AtomicReference<Consumer<Projected>> notify = new AtomicReference<>();
    private final LiveReads reads = new LiveReads(notify::set);
    private final AtomicInteger version = new AtomicInteger();
    private final AtomicInteger readsOfA = new AtomicInteger();

    @AfterEach
    void stop() {
        reads.destroy();
    }

    @Test
    void readsAChangeOnceForAllItsSubscribersAndSendsItToEach() {
        List<Integer> first = new CopyOnWriteArrayList<>();
        List<Integer> second = new CopyOnWriteArrayList<>();
        Disposable one = reads.follow(LiveReads.ACCOUNT, "a", this::readA).subscribe(first::add);
        Disposable two = reads.follow(LiveReads.ACCOUNT, "a", this::readA).subscribe(second::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 1 && second.size() == 1);
        int readsAtSubscription = readsOfA.get();

        version.set(1);
        notify.get().accept(new Projected("a", 1, "MoneyDeposited"));

        await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 2 && second.size() == 2);
        assertThat(first).containsExactly(0, 1);
        assertThat(second).containsExactly(0, 1);
        assertThat(readsOfA.get() - readsAtSubscription).as("reads of the change").isEqualTo(1);
        one.dispose();
        two.dispose();
    }

    @Test
    void readsNothingForAnItemNobodyFollowsAnyMore() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Disposable follower = reads.follow(LiveReads.ACCOUNT, "a", this::readA).subscribe(seen::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        follower.dispose();
        int before = readsOfA.get();

        notify.get().accept(new Projected("a", 1, "MoneyDeposited"));
        notify.get().accept(new Projected("b", 1, "MoneyDeposited"));

        // a later change of a followed item is read after these: when it arrived, these were left unread
        List<Integer> other = new CopyOnWriteArrayList<>();
        Disposable b = reads.follow(LiveReads.TRANSFER, "b", () -> Optional.of(7)).subscribe(other::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> other.size() == 1);
        assertThat(readsOfA.get()).isEqualTo(before);
        b.dispose();
    }

    @Test
    void keepsTheKindsOfOneAggregateApart() {
        List<Integer> transfers = new CopyOnWriteArrayList<>();
        Disposable transfer = reads.follow(LiveReads.TRANSFER, "a", () -> Optional.of(42)).subscribe(transfers::add);
        List<Integer> accounts = new CopyOnWriteArrayList<>();
        Disposable account = reads.follow(LiveReads.ACCOUNT, "a", this::readA).subscribe(accounts::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> transfers.size() == 1 && accounts.size() == 1);

        assertThat(transfers).containsExactly(42);
        assertThat(accounts).containsExactly(0);
        transfer.dispose();
        account.dispose();
    }

    private Optional<Integer> readA() {
        readsOfA.incrementAndGet();
        return Optional.of(version.get());
    }
}
