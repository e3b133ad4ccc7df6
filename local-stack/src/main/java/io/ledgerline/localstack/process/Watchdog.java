package io.ledgerline.localstack.process;

import java.io.IOException;

/**
 * A bash process that holds the read end of a pipe from this JVM. The kernel closes the write end when the JVM
 * exits, SIGKILL included, and the watchdog then stops every server whose pid file is still there. A JVM shutdown
 * hook cannot do this: SIGKILL, or a second signal during a slow orderly shutdown, ends the JVM without it.
 */
public final class Watchdog implements AutoCloseable {

    static final Watchdog NONE = new Watchdog(null);

    private final Process process;

    Watchdog(Process process) {
        this.process = process;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Closes the pipe, as the JVM's death would. Call it once the servers are stopped: their pid files are gone
     * then, and the watchdog ends with nothing to do.
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the watchdog is gone already; nothing is left for it to do
        }
    }
}
