package io.ledgerline.query.rebuild;

/** The rebuild has ended, or is taking over and will finish; a cancel would come too late. */
public class RebuildNotCancellable extends Exception {

    private final transient Rebuild rebuild;

    public RebuildNotCancellable(Rebuild rebuild) {
        super("Rebuild " + rebuild.id() + " is " + rebuild.state() + " and can no longer be cancelled");
        this.rebuild = rebuild;
    }

    public Rebuild rebuild() {
        return rebuild;
    }
}
