package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.integrity.SafeTail.Sample;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SafeTailTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(40);

    private final SafeTail tail = new SafeTail(TRANSACTION_TIMEOUT);

    @Test
    void knowsNoSafeTailBeforeOneTransactionTimeoutAndTheMarginHavePassedSinceTheFirstSample() {
        assertThat(tail.observe(new Sample(T0, 100))).isEmpty();
        assertThat(tail.observe(new Sample(T0.plusSeconds(41), 150))).isEmpty();
    }

    @Test
    void theSafeTailIsTheIndexSampledOneSettlingTimeAgo() {
        tail.observe(new Sample(T0, 100));
        tail.observe(new Sample(T0.plusSeconds(10), 120));

        assertThat(tail.observe(new Sample(T0.plus(TRANSACTION_TIMEOUT).plus(SafeTail.MARGIN), 200))).hasValue(100);
        assertThat(tail.observe(new Sample(T0.plusSeconds(51), 210))).hasValue(100);
        assertThat(tail.observe(new Sample(T0.plusSeconds(52), 220))).hasValue(120);
    }

    @Test
    void keepsTheLastSettledAnswerWhileNoNewerSampleSettles() {
        tail.observe(new Sample(T0, 100));
        assertThat(tail.observe(new Sample(T0.plusSeconds(60), 300))).hasValue(100);

        assertThat(tail.observe(new Sample(T0.plusSeconds(61), 310))).hasValue(100);
    }
}
