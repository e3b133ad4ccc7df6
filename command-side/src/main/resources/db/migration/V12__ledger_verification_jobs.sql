-- Ledger verifications run in the background on one command node and are read on any (README "Proving the books").
-- A row stays RUNNING while its node beats: heartbeat_at older than the bound reads ABANDONED (the node died).
CREATE TABLE ledger_verification (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    state               VARCHAR(16)   NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'ABANDONED')),
    from_global_index   BIGINT        NOT NULL,
    to_global_index     BIGINT        NOT NULL,
    events_checked      BIGINT        NOT NULL DEFAULT 0,
    reached_global_index BIGINT,
    started_by          VARCHAR(255)  NOT NULL,
    node                VARCHAR(36)   NOT NULL,
    started_at          TIMESTAMPTZ   NOT NULL,
    heartbeat_at        TIMESTAMPTZ   NOT NULL,
    finished_at         TIMESTAMPTZ,
    -- the whole report as JSON once COMPLETED (breaks are listed up to ledgerline.integrity.max-reported-breaks)
    report              TEXT,
    error               VARCHAR(4000),
    CHECK (from_global_index >= 0 AND to_global_index >= 0)
);

CREATE INDEX ledger_verification_newest ON ledger_verification (started_at DESC, id);
CREATE INDEX ledger_verification_running ON ledger_verification (state) WHERE state = 'RUNNING';
