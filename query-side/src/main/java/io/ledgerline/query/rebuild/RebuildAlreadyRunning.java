package io.ledgerline.query.rebuild;

/** A read model is being rebuilt already; a second rebuild at once would race the first at the swap. */
public class RebuildAlreadyRunning extends Exception {

    public RebuildAlreadyRunning(String projection) {
        super("A rebuild of " + projection + " is running already");
    }
}
