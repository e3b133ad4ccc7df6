-- The SQL read models. Each row remembers the aggregate sequence of the last event applied to it
-- (version); an event applies only to an older row, so redelivery changes nothing.

ALTER TABLE account_view ADD COLUMN owner_name VARCHAR(200);
ALTER TABLE account_view ADD COLUMN available_balance NUMERIC;
UPDATE account_view SET available_balance = balance + overdraft_limit;
ALTER TABLE account_view ALTER COLUMN available_balance SET NOT NULL;
CREATE INDEX account_view_status_idx ON account_view (status);

CREATE TABLE customer_view (
    customer_id   VARCHAR(100) NOT NULL,
    name          VARCHAR(200),
    email         VARCHAR(320),
    status        VARCHAR(16)  NOT NULL,
    version       BIGINT       NOT NULL,
    registered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT customer_view_pkey PRIMARY KEY (customer_id)
);

-- One line per money movement of an account, keyed by the event's place in the account's history.
CREATE TABLE statement_line (
    account_id              VARCHAR(100) NOT NULL,
    sequence                BIGINT       NOT NULL,
    type                    VARCHAR(32)  NOT NULL,
    amount                  NUMERIC      NOT NULL,
    currency                VARCHAR(3)   NOT NULL,
    balance_after           NUMERIC      NOT NULL,
    description             VARCHAR(500),
    counterparty_account_id VARCHAR(100),
    transfer_id             VARCHAR(100),
    occurred_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_id                VARCHAR(100) NOT NULL,
    CONSTRAINT statement_line_pkey PRIMARY KEY (account_id, sequence)
);
CREATE INDEX statement_line_account_time_idx ON statement_line (account_id, occurred_at DESC, sequence DESC);
CREATE INDEX statement_line_transfer_idx ON statement_line (transfer_id) WHERE transfer_id IS NOT NULL;

CREATE TABLE transfer_view (
    transfer_id            VARCHAR(100) NOT NULL,
    source_account_id      VARCHAR(100) NOT NULL,
    destination_account_id VARCHAR(100) NOT NULL,
    amount                 NUMERIC      NOT NULL,
    currency               VARCHAR(3)   NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    failure_code           VARCHAR(64),
    failure_reason         VARCHAR(500),
    version                BIGINT       NOT NULL,
    requested_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT transfer_view_pkey PRIMARY KEY (transfer_id)
);

-- Events a projection could not apply, kept with their error until an operator retries them.
CREATE TABLE parked_event (
    id              BIGSERIAL    NOT NULL,
    consumer_group  VARCHAR(100) NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    partition_no    INTEGER      NOT NULL,
    record_offset   BIGINT       NOT NULL,
    aggregate_id    VARCHAR(200),
    event_type      VARCHAR(100),
    event_id        VARCHAR(100),
    record_key      VARCHAR(200),
    record_value    BYTEA,
    record_headers  TEXT         NOT NULL,
    record_timestamp TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    error           TEXT         NOT NULL,
    -- PARKED until retried successfully (RESOLVED); a failed retry keeps it PARKED with the new error
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    parked_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT parked_event_pkey PRIMARY KEY (id),
    CONSTRAINT parked_event_record_key UNIQUE (consumer_group, topic, partition_no, record_offset)
);
CREATE INDEX parked_event_open_idx ON parked_event (consumer_group, aggregate_id) WHERE status = 'PARKED';
