package io.ledgerline.localstack.process;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A bash process that holds the read end of a pipe from this JVM. The kernel closes the write end when the JVM
 * exits, SIGKILL included, and the watchdog then stops every server whose pid file is still there. A JVM shutdown
 * hook cannot do this: SIGKILL, or a second signal during a slow orderly shutdown, ends the JVM without it.
 */
public final class Watchdog implements AutoCloseable {

    static final Watchdog NONE = new Watchdog(null, Duration.ZERO);

    private final Process process;
    private final Duration grace;

    Watchdog(Process process, Duration grace) {
        this.process = process;
        this.grace = grace;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Closes the pipe, as the JVM's death would, and waits for the watchdog to end. Call it once the servers are
     * stopped: their pid files are gone then, and the watchdog ends at once with nothing to do (a server whose
     * stop failed is stopped by it, within its grace period).
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            process.waitFor(grace.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the watchdog is gone already; nothing is left for it to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
