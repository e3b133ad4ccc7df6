package io.ledgerline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.query.QuerySideIT;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gate between live batches and a rebuild's take-over, on the real PostgreSQL: what one node's
 * take-over holds, every node's live batches respect, since they share the database.
 */
class LiveBatchGateIT extends QuerySideIT {

    private static final List<ConsumerRecord<String, byte[]>> POLL =
            List.of(new ConsumerRecord<>("ledger.events", 0, 0L, "account-1", new byte[0]));

    @Autowired
    private LiveBatchGate gate;

    @Test
    void aTakeOverWaitsUntilTheLiveBatchInFlightHasEnded() throws Exception {
        String projection = "gate-in-flight-" + System.nanoTime();
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> live = CompletableFuture.runAsync(() -> gate.applyLive(projection, POLL, records -> {
            applying.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> finish.getCount() == 0);
        }));
        assertThat(applying.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(gate.close(projection, Duration.ofMillis(300))).as("closed while a batch applies").isEmpty();

        finish.countDown();
        live.get(30, TimeUnit.SECONDS);
        Optional<LiveBatchGate.Closed> closed = gate.close(projection, Duration.ofSeconds(10));
        assertThat(closed).isPresent();
        closed.get().close();
    }

    @Test
    void aLiveBatchWaitsUntilTheTakeOverHasOpenedTheGateAgain() throws Exception {
        String projection = "gate-closed-" + System.nanoTime();
        AtomicBoolean applied = new AtomicBoolean();
        CompletableFuture<Void> live;
        try (LiveBatchGate.Closed closed = gate.close(projection, Duration.ofSeconds(10)).orElseThrow()) {
            live = CompletableFuture.runAsync(() -> gate.applyLive(projection, POLL, records -> applied.set(true)));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !applied.get());
        }
        live.get(30, TimeUnit.SECONDS);
        assertThat(applied).isTrue();
    }

    @Test
    void liveBatchesOfOneProjectionDoNotWaitForEachOtherNorForAnotherProjectionsTakeOver() throws Exception {
        String projection = "gate-shared-" + System.nanoTime();
        CountDownLatch bothApplying = new CountDownLatch(2);
        Runnable batch = () -> gate.applyLive(projection, POLL, records -> {
            bothApplying.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> bothApplying.getCount() == 0);
        });
        try (LiveBatchGate.Closed other = gate.close("gate-other-" + System.nanoTime(), Duration.ofSeconds(10))
                .orElseThrow()) {
            CompletableFuture.allOf(CompletableFuture.runAsync(batch), CompletableFuture.runAsync(batch))
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(bothApplying.getCount()).isZero();
    }
}
