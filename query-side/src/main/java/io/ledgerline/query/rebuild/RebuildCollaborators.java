package io.ledgerline.query.rebuild;

import io.ledgerline.query.parking.ParkedEvents;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every rebuild worker works with, whichever read model it builds. */
@Component
record RebuildCollaborators(Rebuilds rebuilds, RebuildConsumers consumers, LiveProjections liveProjections,
        ParkedEvents parkedEvents, TransactionTemplate transactions, Clock clock) {
}
