package io.ledgerline.query.admin;

import java.util.List;

/**
 * @param name the projection's consumer group
 * @param position events of ledger.events the projection has passed, over all partitions
 * @param lagEvents events published but not projected yet
 * @param lagSeconds how old the newest projected event is while events wait; 0 when caught up, null when unknown
 * @param parkedEvents events parked and not yet retried successfully
 */
public record ProjectionStatus(String name, boolean running, long position, long lagEvents, Long lagSeconds,
        long parkedEvents, List<PartitionPosition> partitions) {

    public record PartitionPosition(int partition, long committedOffset, long endOffset, long lag) {
    }
}
