package io.ledgerline.systemtests.load;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A span of time in which a server or node was down on purpose. Requests to the affected
 * command-side nodes that overlap it may go unanswered or be answered 503; everywhere else and at
 * any other time that is a violation.
 */
public final class Disruption {

    /** A request sent just after the end may still meet a connection broken by the outage. */
    private static final Duration AFTERMATH = Duration.ofSeconds(3);

    private final String what;
    private final Set<URI> affected;
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos = Long.MAX_VALUE;

    Disruption(String what, Set<URI> affected) {
        this.what = what;
        this.affected = Set.copyOf(affected);
    }

    public void end() {
        endedNanos = System.nanoTime();
    }

    public Duration duration() {
        long end = endedNanos == Long.MAX_VALUE ? System.nanoTime() : endedNanos;
        return Duration.ofNanos(end - startedNanos);
    }

    public String what() {
        return what;
    }

    boolean excuses(Operation operation) {
        long until = endedNanos == Long.MAX_VALUE ? Long.MAX_VALUE : endedNanos + AFTERMATH.toNanos();
        return affected.contains(operation.target()) && operation.overlaps(startedNanos, until);
    }
}
