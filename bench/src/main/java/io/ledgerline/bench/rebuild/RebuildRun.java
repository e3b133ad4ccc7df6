package io.ledgerline.bench.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.load.Pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rebuilds one projection through {@code POST /api/admin/projections/{name}/rebuild} and follows it
 * on {@code GET /api/admin/rebuilds/{id}} until it completes. A query side without the rebuild API
 * (404) yields "not available", so the rest of the run still reports.
 */
public final class RebuildRun {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    /** A rebuild slower than this per event has failed the target by far; the run moves on. */
    private static final double SLOWEST_EVENTS_PER_SECOND = 200;

    private final LedgerClient ledger;
    private final Consumer<String> progress;

    public RebuildRun(LedgerClient ledger, Consumer<String> progress) {
        this.ledger = ledger;
        this.progress = progress;
    }

    public RebuildResult rebuild(String projection, long storedEvents) {
        Optional<JsonNode> started;
        try {
            started = ledger.startRebuild(projection);
        } catch (RuntimeException e) {
            progress.accept("Rebuild of " + projection + " could not start: " + e.getMessage());
            return RebuildResult.notAvailable(projection, "could not start: " + e.getMessage());
        }
        if (started.isEmpty()) {
            progress.accept("Rebuild of " + projection + ": not available (the query side has no rebuild API)");
            return RebuildResult.notAvailable(projection, "the query side answered 404: no rebuild API");
        }
        String id = started.get().path("id").asText();
        progress.accept("Rebuilding " + projection + " (rebuild " + id + ")");
        Duration timeout = Duration.ofSeconds(120 + (long) (storedEvents / SLOWEST_EVENTS_PER_SECOND));
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        double peak = 0;
        JsonNode status = started.get();
        while (!finished(status)) {
            if (System.nanoTime() > deadline) {
                return new RebuildResult(projection, "TIMED_OUT", status.path("eventsDone").asLong(), timeout.toSeconds(),
                        Double.NaN, peak, "still " + status.path("state").asText() + " after " + timeout);
            }
            Pacing.pause(POLL);
            status = ledger.rebuild(id);
            peak = Math.max(peak, status.path("eventsPerSecond").asDouble(0));
            if (System.nanoTime() > nextReport) {
                progress.accept(String.format("  %s: %s, %,d of %,d events, %.0f events/s, ETA %s s", projection,
                        status.path("state").asText(), status.path("eventsDone").asLong(), status.path("eventsTotal").asLong(),
                        status.path("eventsPerSecond").asDouble(), status.path("etaSeconds").asText("?")));
                nextReport += REPORT_EVERY.toNanos();
            }
        }
        return result(projection, status, peak);
    }

    private static boolean finished(JsonNode status) {
        String state = status.path("state").asText();
        return state.equals("COMPLETED") || state.equals("CANCELLED") || state.equals("FAILED");
    }

    private RebuildResult result(String projection, JsonNode status, double peak) {
        String state = status.path("state").asText();
        long total = status.path("eventsTotal").asLong();
        double seconds = secondsBetween(status.path("startedAt").asText(), status.path("finishedAt").asText());
        double rate = seconds > 0 ? total / seconds : Double.NaN;
        String note = status.path("error").isMissingNode() || status.path("error").isNull() ? "" : status.path("error").asText();
        progress.accept(String.format("Rebuild of %s %s: %,d events in %.1f s = %.0f events/s", projection, state,
                total, seconds, rate));
        return new RebuildResult(projection, state, total, seconds, rate, peak, note);
    }

    static double secondsBetween(String startedAt, String finishedAt) {
        try {
            return Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)).toNanos() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
