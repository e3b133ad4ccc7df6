package io.ledgerline.command.integrity;

import java.util.List;

/**
 * @param fromGlobalIndex       the first global index looked at
 * @param toGlobalIndex         the last global index looked at
 * @param eventsChecked         the events stored in that range
 * @param breaksFound           how many chain breaks there are, listed or not
 * @param breaks                ordered by global index; empty when every chain holds
 * @param checkpointsChecked    the checkpoints overlapping the range, each checked over its whole range
 * @param checkpointBreaksFound how many checkpoint breaks there are, listed or not
 * @param checkpointBreaks      ordered by range; empty when every checkpoint holds
 */
public record VerificationReport(long fromGlobalIndex, long toGlobalIndex, long eventsChecked, long breaksFound,
        List<ChainBreak> breaks, long checkpointsChecked, long checkpointBreaksFound,
        List<CheckpointBreak> checkpointBreaks) {

    public VerificationReport(long fromGlobalIndex, long toGlobalIndex, long eventsChecked, List<ChainBreak> breaks,
            long checkpointsChecked, List<CheckpointBreak> checkpointBreaks) {
        this(fromGlobalIndex, toGlobalIndex, eventsChecked, breaks.size(), breaks, checkpointsChecked,
                checkpointBreaks.size(), checkpointBreaks);
    }

    public VerificationReport(long fromGlobalIndex, long toGlobalIndex, long eventsChecked, List<ChainBreak> breaks) {
        this(fromGlobalIndex, toGlobalIndex, eventsChecked, breaks, 0, List.of());
    }

    public boolean intact() {
        return breaksFound == 0 && checkpointBreaksFound == 0;
    }

    /** The same report listing only the first breaks of each sort. */
    public VerificationReport limitedTo(int maxBreaks) {
        return new VerificationReport(fromGlobalIndex, toGlobalIndex, eventsChecked, breaksFound,
                breaks.size() <= maxBreaks ? breaks : List.copyOf(breaks.subList(0, maxBreaks)), checkpointsChecked,
                checkpointBreaksFound, checkpointBreaks.size() <= maxBreaks ? checkpointBreaks
                        : List.copyOf(checkpointBreaks.subList(0, maxBreaks)));
    }
}
