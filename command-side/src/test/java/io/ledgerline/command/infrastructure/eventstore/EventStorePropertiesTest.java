package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventStorePropertiesTest {

    private static final Duration FETCH_DELAY = Duration.ofMillis(100);

    @Test
    void acceptsAGapTimeoutAboveTwiceTheTransactionBound() {
        EventStoreProperties properties = new EventStoreProperties(FETCH_DELAY, Duration.ofSeconds(40),
                Duration.ofSeconds(81), 100_000);

        assertThat(properties.gapTimeout()).isEqualTo(Duration.ofSeconds(81));
    }

    @Test
    void refusesAGapTimeoutOfTwiceTheTransactionBound() {
        assertThatThrownBy(() -> new EventStoreProperties(FETCH_DELAY, Duration.ofSeconds(40), Duration.ofSeconds(80), 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledgerline.event-store.gap-timeout (PT1M20S) must be more than twice")
                .hasMessageContaining("transaction-timeout (PT40S)");
    }

    @Test
    void refusesAGapTimeoutBelowTheTransactionBound() {
        assertThatThrownBy(() -> new EventStoreProperties(FETCH_DELAY, Duration.ofSeconds(40), Duration.ofSeconds(30), 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap-timeout");
    }

    @Test
    void refusesATransactionBoundBelowASecond() {
        assertThatThrownBy(() -> new EventStoreProperties(FETCH_DELAY, Duration.ofMillis(500), Duration.ofMinutes(2), 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction-timeout must be at least 1s");
    }

    @Test
    void refusesATransactionBoundOfHalfHowLongAccountsRememberAFinishedTransferStep() {
        assertThatThrownBy(() -> new EventStoreProperties(FETCH_DELAY, Duration.ofMinutes(1), Duration.ofMinutes(5), 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction-timeout (PT1M) must be less than half of the PT2M");
    }

    @Test
    void refusesAMaxGapOffsetBelowOne() {
        assertThatThrownBy(() -> new EventStoreProperties(FETCH_DELAY, Duration.ofSeconds(40), Duration.ofMinutes(2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-gap-offset");
    }

    @Test
    void refusesAFetchDelayOfZero() {
        assertThatThrownBy(() -> new EventStoreProperties(Duration.ZERO, Duration.ofSeconds(40), Duration.ofMinutes(2), 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetch-delay must be positive");
    }
}
