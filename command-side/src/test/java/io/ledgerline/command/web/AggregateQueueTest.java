package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AggregateQueueTest {

    private final AggregateQueue queue = new AggregateQueue();

    @Test
    void runsCommandsOnOneAggregateOneAtATime() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> done = IntStream.range(0, 200).mapToObj(i -> threads.submit(() -> queue.inTurn("account-1", () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.yield();
                return running.decrementAndGet();
            }))).toList();
            for (Future<Integer> command : done) {
                command.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mostAtOnce).hasValue(1);
        assertThat(queue.aggregatesInUse()).as("an aggregate without commands keeps no entry").isZero();
    }

    @Test
    void letsCommandsOnOtherAggregatesPassOneThatIsBusy() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> slow = threads.submit(() -> queue.inTurn("account-1", () -> {
                busy.countDown();
                await(release);
                return "slow";
            }));
            busy.await(10, TimeUnit.SECONDS);
            assertThat(threads.submit(() -> queue.inTurn("account-2", () -> "other")).get(10, TimeUnit.SECONDS))
                    .isEqualTo("other");
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        } finally {
            threads.shutdownNow();
        }
        assertThat(queue.aggregatesInUse()).isZero();
    }

    @Test
    void givesTheTurnOnWhenACommandFails() {
        assertThatThrownBy(() -> queue.inTurn("account-1", () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(queue.inTurn("account-1", () -> "next")).isEqualTo("next");
        assertThat(queue.aggregatesInUse()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
