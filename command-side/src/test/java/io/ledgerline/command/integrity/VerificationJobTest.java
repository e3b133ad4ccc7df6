package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerificationJobTest {

    @Nested
    class Progress {

        @Test
        void isNothingBeforeTheFirstBatch() {
            assertThat(job(VerificationJobState.RUNNING, 100, 199, null).progress()).isZero();
        }

        @Test
        void isTheFractionOfTheRangeRead() {
            assertThat(job(VerificationJobState.RUNNING, 100, 199, 124L).progress()).isCloseTo(0.25, within(1e-9));
        }

        @Test
        void staysWhereItWasWhenTheNodeStopped() {
            assertThat(job(VerificationJobState.ABANDONED, 0, 1999, 999L).progress()).isCloseTo(0.5, within(1e-9));
        }

        @Test
        void isWholeOnceCompletedEvenForARangeThatHoldsNoEvent() {
            assertThat(job(VerificationJobState.COMPLETED, 10, 5, null).progress()).isEqualTo(1.0);
            assertThat(job(VerificationJobState.COMPLETED, 0, 99, 50L).progress()).isEqualTo(1.0);
        }

        @Test
        void neverLeavesZeroToOne() {
            assertThat(job(VerificationJobState.RUNNING, 0, 9, 50L).progress()).isEqualTo(1.0);
            assertThat(job(VerificationJobState.RUNNING, 10, 5, 7L).progress()).isZero();
        }

        @Test
        void coversTheWidestRangeWithoutOverflow() {
            assertThat(job(VerificationJobState.RUNNING, Long.MAX_VALUE - 999_999, Long.MAX_VALUE,
                    Long.MAX_VALUE - 500_000).progress()).isCloseTo(0.5, within(1e-5));
        }

        private VerificationJob job(VerificationJobState state, long from, long to, Long reached) {
            return new VerificationJob("id", state, from, to, 0, reached, "auditor", Instant.EPOCH, null,
                    state == VerificationJobState.COMPLETED ? new VerificationReport(from, to, 0, List.of()) : null,
                    null);
        }
    }

    @Nested
    class Settings {

        @Test
        void refuseNoRoomForAVerification() {
            assertThatThrownBy(() -> new VerificationJobProperties(0, Duration.ofSeconds(5), Duration.ofSeconds(30),
                    Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-running");
        }

        @Test
        void refuseABoundThatALiveNodeWouldMissBetweenTwoBeats() {
            assertThatThrownBy(() -> new VerificationJobProperties(1, Duration.ofSeconds(5), Duration.ofSeconds(9),
                    Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("abandoned-after");
        }

        @Test
        void acceptTheDefaults() {
            VerificationJobProperties defaults = new VerificationJobProperties(1, Duration.ofSeconds(5),
                    Duration.ofSeconds(30), Duration.ofSeconds(10));
            assertThat(defaults.maxRunning()).isEqualTo(1);
        }
    }
}
