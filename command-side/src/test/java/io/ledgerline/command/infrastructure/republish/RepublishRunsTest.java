package io.ledgerline.command.infrastructure.republish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.command.infrastructure.republish.RepublishStatus.State;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RepublishRunsTest {

    private final RepublishRuns runs = new RepublishRuns();

    @Test
    void refusesASecondRunWhileOneIsRunningAsAConflict() {
        RepublishRun running = runs.begin(0, 10);

        assertThatThrownBy(() -> runs.begin(5, 10))
                .isInstanceOfSatisfying(RepublishAlreadyRunning.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refusal.code()).isEqualTo("REPUBLISH_RUNNING");
                    assertThat(refusal.getMessage()).contains(running.id());
                });
    }

    @Test
    void beginsAgainOnceTheRunCompletedOrFailed() {
        RepublishRun completed = runs.begin(0, 10);
        completed.acknowledged(10, 10);
        completed.completed();
        RepublishRun failed = runs.begin(3, 12);
        failed.failed(new IllegalStateException("Kafka is away"));

        RepublishRun third = runs.begin(0, 12);

        assertThat(runs.find(completed.id()).orElseThrow().status())
                .isEqualTo(new RepublishStatus(completed.id(), State.COMPLETED, 0, 10, 10, 10, null));
        assertThat(runs.find(failed.id()).orElseThrow().status().failure())
                .isEqualTo("IllegalStateException: Kafka is away");
        assertThat(third.status().state()).isEqualTo(State.RUNNING);
        assertThat(third.status().lastPosition()).isEqualTo(-1);
    }

    @Test
    void knowsNothingOfAnIdItDidNotBegin() {
        assertThat(runs.find("unknown")).isEmpty();
    }
}
