package io.ledgerline.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacedLoadTest {

    @Test
    void requestsAServerCouldNotTakeByTheStepsEndAreNotSentButCountAsFailedWithTheirDelaySoFar() {
        AtomicInteger sent = new AtomicInteger();
        // 100 requests due within half a second, each taking 100 ms: a server ten times too slow
        StepResult step = PacedLoad.run("slow", 1, 200, Duration.ofMillis(500), Duration.ofMillis(300), worker -> () -> {
            sent.incrementAndGet();
            Thread.sleep(100);
        });

        assertThat(sent.get()).as("requests sent before the drain ended").isBetween(2, 20);
        assertThat(step.operations()).isEqualTo(sent.get());
        assertThat(step.errors()).isEqualTo(100 - sent.get());
        assertThat(step.firstError()).contains("not sent");
        assertThat(step.latency().count()).as("every due request has a latency, the unsent ones their delay so far")
                .isEqualTo(100);
        assertThat(step.latency().maxMs()).isGreaterThanOrEqualTo(300);
        assertThat(step.perSecond()).isEqualTo(step.operations() / step.seconds());
    }

    @Test
    void aServerThatKeepsUpAnswersEveryRequestOnItsTimetable() {
        AtomicInteger sent = new AtomicInteger();
        StepResult step = PacedLoad.run("quick", 2, 100, Duration.ofMillis(500), Duration.ofMillis(300),
                worker -> sent::incrementAndGet);

        assertThat(sent.get()).isEqualTo(50);
        assertThat(step.operations()).isEqualTo(50);
        assertThat(step.errors()).isZero();
        assertThat(step.latency().count()).isEqualTo(50);
    }
}
