package io.ledgerline.command.audit;

import static io.ledgerline.command.account.AccountEvents.eur;
import static io.ledgerline.command.transfer.TransferEvents.DESTINATION;
import static io.ledgerline.command.transfer.TransferEvents.SOURCE;
import static io.ledgerline.command.transfer.TransferEvents.TRANSFER;
import static io.ledgerline.command.transfer.TransferEvents.completed;
import static io.ledgerline.command.transfer.TransferEvents.failed;
import static io.ledgerline.command.transfer.TransferEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.audit.TransferState.Failure;
import io.ledgerline.command.audit.TransferState.Status;
import org.junit.jupiter.api.Test;

class TransferStateFoldTest {

    @Test
    void isRequestedThenCompleted() {
        var history = History.of(requested(), completed());

        assertThat(Replay.upTo(history, PointInHistory.atVersion(0), new TransferStateFold()).orElseThrow())
                .isEqualTo(new TransferState(TRANSFER.value(), SOURCE.value(), DESTINATION.value(), eur("30"),
                        Status.REQUESTED, null, 0, History.at(0)));
        TransferState done = Replay.upTo(history, PointInHistory.atVersion(1), new TransferStateFold()).orElseThrow();
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.outcome()).isNull();
    }

    @Test
    void carriesTheReasonOfAFailure() {
        var history = History.of(requested(), failed("INSUFFICIENT_FUNDS", "not enough money"));

        TransferState failed = Replay.upTo(history, PointInHistory.asOf(History.at(5)), new TransferStateFold())
                .orElseThrow();

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.outcome()).isEqualTo(new Failure("INSUFFICIENT_FUNDS", "not enough money"));
        assertThat(failed.version()).isEqualTo(1);
    }

    @Test
    void countsAFactItDoesNotKnowAsAVersionThatKeepsTheOutcome() {
        var history = History.of(requested(), failed("INSUFFICIENT_FUNDS", "not enough money"), new LaterFact());

        TransferState later = Replay.upTo(history, PointInHistory.atVersion(2), new TransferStateFold()).orElseThrow();

        assertThat(later).isEqualTo(new TransferState(TRANSFER.value(), SOURCE.value(), DESTINATION.value(), eur("30"),
                Status.FAILED, new Failure("INSUFFICIENT_FUNDS", "not enough money"), 2, History.at(2)));
    }

    /** A fact a later version of the ledger may record about a transfer. */
    private record LaterFact() {
    }
}
