-- Rebuilds of read models: each builds a new version (a schema of fresh tables, or new indices)
-- beside the serving one and swaps it in once caught up. The state survives restarts so that any
-- query node can resume or clean up a rebuild whose node went away.
CREATE TABLE projection_rebuild (
    id           VARCHAR(36)  NOT NULL,
    projection   VARCHAR(100) NOT NULL,
    -- RUNNING, SWAPPING, COMPLETED, CANCELLED or FAILED
    state        VARCHAR(16)  NOT NULL,
    -- the schema (SQL) or the comma-separated indices (Elasticsearch) being built
    target       VARCHAR(500) NOT NULL,
    events_done  BIGINT       NOT NULL,
    events_total BIGINT       NOT NULL,
    error        TEXT,
    -- true once the new version was swapped in or, after a cancel or failure, dropped
    settled      BOOLEAN      NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT projection_rebuild_pkey PRIMARY KEY (id)
);
-- at most one rebuild of a read model at a time, across all query nodes
CREATE UNIQUE INDEX projection_rebuild_active_idx ON projection_rebuild (projection)
    WHERE state IN ('RUNNING', 'SWAPPING');
CREATE INDEX projection_rebuild_started_idx ON projection_rebuild (started_at DESC);

-- Where a rebuild is in each partition of ledger.events, written in the transaction of the rows it
-- built, so that a resumed rebuild continues exactly where it stopped.
CREATE TABLE projection_rebuild_position (
    rebuild_id   VARCHAR(36) NOT NULL,
    partition_no INTEGER     NOT NULL,
    start_offset BIGINT      NOT NULL,
    next_offset  BIGINT      NOT NULL,
    CONSTRAINT projection_rebuild_position_pkey PRIMARY KEY (rebuild_id, partition_no),
    CONSTRAINT projection_rebuild_position_rebuild_fkey FOREIGN KEY (rebuild_id)
        REFERENCES projection_rebuild (id) ON DELETE CASCADE
);
