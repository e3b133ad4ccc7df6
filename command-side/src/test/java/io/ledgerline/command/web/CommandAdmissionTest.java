package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandAdmissionTest {

    @Test
    void letsNoMoreCommandsUseTheDatabaseAtOnceThanThePoolHasConnectionsBeyondThoseKeptFree() throws Exception {
        CommandAdmission admission = new CommandAdmission(10, 4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> done = IntStream.range(0, 300).mapToObj(i -> threads.submit(() -> admission.admitted(() -> {
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
        assertThat(mostAtOnce.get()).isBetween(1, 6);
    }

    @Test
    void admitsAWaitingCommandAsSoonAsOneBeforeItEnds() throws Exception {
        CommandAdmission admission = new CommandAdmission(3, 2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> admission.admitted(() -> {
                awaitLatch(release);
                return "first";
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> admission.waitingOrRunning() == 1);
            Future<String> second = threads.submit(() -> admission.admitted(() -> "second"));
            await().atMost(Duration.ofSeconds(10)).until(() -> admission.waitingOrRunning() == 2);
            assertThat(second).isNotDone();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void handsThePermitOnWhenACommandFails() {
        CommandAdmission admission = new CommandAdmission(1, 0);
        assertThatThrownBy(() -> admission.admitted(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(admission.admitted(() -> "next")).isEqualTo("next");
    }

    @Test
    void admitsOneCommandAtATimeEvenWhenThePoolIsSmallerThanTheConnectionsKeptFree() {
        assertThat(new CommandAdmission(2, 4).admitted(() -> "admitted")).isEqualTo("admitted");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
