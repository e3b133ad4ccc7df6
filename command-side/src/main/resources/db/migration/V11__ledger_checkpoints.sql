-- Signed checkpoints over the event hashes of contiguous global index ranges (README "Proving the books").
-- The unique range start and previous hash keep two writers from forking the sequence even without the lock.
CREATE TABLE ledger_checkpoint (
    from_global_index BIGINT      NOT NULL PRIMARY KEY,
    to_global_index   BIGINT      NOT NULL UNIQUE,
    merkle_root       CHAR(64)    NOT NULL,
    previous_hash     CHAR(64)    UNIQUE,
    hash              CHAR(64)    NOT NULL UNIQUE,
    signature         TEXT        NOT NULL,
    written_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (from_global_index <= to_global_index)
);
