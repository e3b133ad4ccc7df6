package io.ledgerline.systemtests.reliability;

import io.ledgerline.systemtests.load.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What one scenario did and found, for the suite's summary. */
record ScenarioFigures(String scenario, long operations, Map<Outcome, Long> outcomes, Duration duration,
        long eventsInStore, List<String> notes, int violations) {

    String line() {
        return String.format("%-22s %6d requests %-70s in %5.1f s, %6d events in the store, violations: %d%s",
                scenario, operations, outcomes, duration.toMillis() / 1000.0, eventsInStore, violations,
                notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
