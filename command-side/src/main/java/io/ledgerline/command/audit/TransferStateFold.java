package io.ledgerline.command.audit;

import io.ledgerline.command.audit.TransferState.Failure;
import io.ledgerline.command.audit.TransferState.Status;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;

/** Transfer state from transfer events. */
public class TransferStateFold implements StateFold<TransferState> {

    @Override
    public TransferState apply(TransferState state, RecordedEvent event) {
        Object payload = event.payload();
        if (payload instanceof TransferRequested requested) {
            return new TransferState(requested.transferId().value(), requested.sourceAccountId().value(),
                    requested.destinationAccountId().value(), requested.amount(), Status.REQUESTED, null,
                    event.sequence(), event.timestamp());
        }
        if (state == null) {
            throw new IllegalStateException("Transfer history does not start with TransferRequested but with "
                    + payload.getClass().getSimpleName());
        }
        if (payload instanceof TransferCompleted) {
            return with(state, event, Status.COMPLETED, null);
        }
        if (payload instanceof TransferFailed failed) {
            return with(state, event, Status.FAILED, new Failure(failed.reasonCode(), failed.reason()));
        }
        return with(state, event, state.status(), state.outcome());
    }

    private static TransferState with(TransferState state, RecordedEvent event, Status status, Failure outcome) {
        return new TransferState(state.transferId(), state.sourceAccountId(), state.destinationAccountId(),
                state.amount(), status, outcome, event.sequence(), event.timestamp());
    }
}
