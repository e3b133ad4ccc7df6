package io.ledgerline.command.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PendingAcknowledgementsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
            List.of(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));

    @Nested
    class WhenTheBatchCommits {

        @Test
        void commitsOnceKafkaAcknowledgedEveryRecord() {
            ResultMessage<?> result = batch.executeWithResult(() -> {
                PendingAcknowledgements.of(batch, TIMEOUT).add(CompletableFuture.completedFuture("acknowledged"));
                return null;
            });

            assertThat(result.isExceptional()).isFalse();
            assertThat(batch.isRolledBack()).isFalse();
        }

        @Test
        void rollsBackWhenKafkaRefusedARecord() {
            ResultMessage<?> result = batch.executeWithResult(() -> {
                PendingAcknowledgements.of(batch, TIMEOUT).add(CompletableFuture.completedFuture("acknowledged"));
                PendingAcknowledgements.of(batch, TIMEOUT).add(CompletableFuture.failedFuture(new NotEnoughReplicasException("refused")));
                return null;
            });

            assertThat(batch.isRolledBack()).isTrue();
            assertThat(result.exceptionResult()).isInstanceOf(PublicationFailed.class)
                    .hasCauseInstanceOf(NotEnoughReplicasException.class);
        }

        @Test
        void rollsBackWhenAnAcknowledgementDoesNotComeInTime() {
            ResultMessage<?> result = batch.executeWithResult(() -> {
                PendingAcknowledgements.of(batch, Duration.ofMillis(10)).add(new CompletableFuture<>());
                return null;
            });

            assertThat(batch.isRolledBack()).isTrue();
            assertThat(result.exceptionResult()).isInstanceOf(PublicationFailed.class).hasMessageContaining("did not acknowledge");
        }
    }

    @Nested
    class WhileTheBatchIsSent {

        @Test
        void keepsTheSendsOfAllEventsOfTheBatchTogether() {
            AtomicReference<PendingAcknowledgements> first = new AtomicReference<>();
            AtomicReference<PendingAcknowledgements> second = new AtomicReference<>();
            batch.executeWithResult(() -> {
                PendingAcknowledgements pending = PendingAcknowledgements.of(batch, TIMEOUT);
                if (first.get() == null) {
                    first.set(pending);
                } else {
                    second.set(pending);
                }
                return null;
            });

            assertThat(second.get()).isSameAs(first.get());
        }

        @Test
        void stopsTheBatchOnceARecordWasRefused() {
            batch.start();
            PendingAcknowledgements pending = PendingAcknowledgements.of(batch, TIMEOUT);
            pending.add(CompletableFuture.completedFuture("acknowledged"));
            pending.add(CompletableFuture.failedFuture(new NotEnoughReplicasException("refused")));

            assertThatThrownBy(pending::failIfAnyFailed).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(NotEnoughReplicasException.class);
            batch.rollback();
        }

        @Test
        void goesOnWhileNoRecordFailed() throws Exception {
            batch.start();
            PendingAcknowledgements pending = PendingAcknowledgements.of(batch, TIMEOUT);
            pending.add(CompletableFuture.completedFuture("acknowledged"));
            pending.add(new CompletableFuture<>());

            pending.failIfAnyFailed();
            batch.rollback();
        }
    }
}
