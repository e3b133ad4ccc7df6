package io.ledgerline.bench.rebuild;

/**
 * One projection's rebuild: events per second over the whole rebuild (eventsTotal divided by
 * finishedAt - startedAt), the highest rate the API reported while it ran, or why it was not
 * measured.
 */
public record RebuildResult(String projection, String state, long eventsTotal, double seconds,
                            double eventsPerSecond, double peakReportedEventsPerSecond, String note) {

    public static RebuildResult notAvailable(String projection, String why) {
        return new RebuildResult(projection, "NOT_AVAILABLE", 0, Double.NaN, Double.NaN, Double.NaN, why);
    }

    public boolean measured() {
        return "COMPLETED".equals(state) && eventsTotal > 0 && seconds > 0;
    }
}
