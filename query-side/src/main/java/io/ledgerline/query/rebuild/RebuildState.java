package io.ledgerline.query.rebuild;

/** Where a rebuild is: building, taking over, or ended one of three ways. */
public enum RebuildState {
    RUNNING,
    SWAPPING,
    COMPLETED,
    CANCELLED,
    FAILED;

    public boolean isActive() {
        return this == RUNNING || this == SWAPPING;
    }
}
