package io.ledgerline.query.rebuild;

import io.ledgerline.query.parking.ParkedEvents;
import io.ledgerline.query.projection.LiveBatchGate;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every rebuild worker works with, whichever read model it builds. */
@Component
record RebuildCollaborators(Rebuilds rebuilds, RebuildConsumers consumers, LiveProjections liveProjections, LiveBatchGate liveBatchGate,
        ParkedEvents parkedEvents, TransactionTemplate transactions, Clock clock) {
}
