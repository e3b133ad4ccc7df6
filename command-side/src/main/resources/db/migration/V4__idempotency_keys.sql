-- Idempotency keys of command requests. A key is inserted in the same transaction as the events
-- its command appends: a command that fails leaves no key behind, and a key always stands for
-- events that were really stored. The primary key makes a concurrent duplicate wait for the first
-- request's transaction and then fail, so two requests with one key never both take effect.
CREATE TABLE idempotency_key (
    caller           VARCHAR(255)             NOT NULL,
    idempotency_key  VARCHAR(255)             NOT NULL,
    -- SHA-256 of method, path and canonical body, hex: the same key with another request is refused
    request_hash     CHAR(64)                 NOT NULL,
    response_status  SMALLINT,
    response_body    TEXT,
    response_location VARCHAR(2048),
    response_etag    VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (caller, idempotency_key)
);
-- for expiring old keys
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
