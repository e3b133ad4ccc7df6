package io.ledgerline.command.integrity;

import java.util.List;

/**
 * @param fromGlobalIndex the first global index looked at
 * @param toGlobalIndex   the last global index looked at
 * @param eventsChecked   the events stored in that range
 * @param breaksFound     how many breaks there are, listed or not
 * @param breaks          ordered by global index; empty when every chain holds
 */
public record VerificationReport(long fromGlobalIndex, long toGlobalIndex, long eventsChecked, long breaksFound,
        List<ChainBreak> breaks) {

    public VerificationReport(long fromGlobalIndex, long toGlobalIndex, long eventsChecked, List<ChainBreak> breaks) {
        this(fromGlobalIndex, toGlobalIndex, eventsChecked, breaks.size(), breaks);
    }

    public boolean intact() {
        return breaksFound == 0;
    }

    /** The same report listing only the first breaks. */
    public VerificationReport limitedTo(int maxBreaks) {
        return breaks.size() <= maxBreaks ? this
                : new VerificationReport(fromGlobalIndex, toGlobalIndex, eventsChecked, breaksFound,
                        List.copyOf(breaks.subList(0, maxBreaks)));
    }
}
