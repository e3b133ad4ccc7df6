package io.ledgerline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.query.projection.Projected;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CatchUpSignalsTest {

    private final CatchUpSignals signals = new CatchUpSignals();

    @Test
    void anAnnouncementOfAnAwaitedAccountEndsTheWaitAtOnceNotAtItsBound() throws Exception {
        signals.await("acc-1", 3);
        CompletableFuture<Set<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return signals.arrivals(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        signals.projected(new Projected("acc-1", 3, "MoneyDeposited"));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).containsExactly("acc-1");
    }

    @Test
    void anAnnouncementBelowTheAwaitedVersionOrOfAnotherAccountIsNoArrival() throws Exception {
        signals.await("acc-1", 3);

        signals.projected(new Projected("acc-1", 2, "MoneyDeposited"));
        signals.projected(new Projected("acc-2", 7, "MoneyDeposited"));

        assertThat(signals.arrivals(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void anArrivalIsHandedOutOnce() throws Exception {
        signals.await("acc-1", 3);
        signals.projected(new Projected("acc-1", 4, "MoneyWithdrawn"));

        assertThat(signals.arrivals(Duration.ZERO)).containsExactly("acc-1");
        assertThat(signals.arrivals(Duration.ZERO)).isEmpty();
    }

    @Test
    void aForgottenAccountIsNoLongerAwaited() throws Exception {
        signals.await("acc-1", 3);
        signals.forget("acc-1");

        signals.projected(new Projected("acc-1", 3, "MoneyDeposited"));

        assertThat(signals.awaits("acc-1")).isFalse();
        assertThat(signals.arrivals(Duration.ZERO)).isEmpty();
    }
}
