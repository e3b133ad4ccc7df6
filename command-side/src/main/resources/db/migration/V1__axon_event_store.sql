-- Axon's JPA storage on PostgreSQL. Payloads and metadata are JSON in bytea columns (never oid
-- large objects); Hibernate validates this schema and never changes it.

-- Allocation size 1 (see META-INF/orm.xml): the global index follows commit order across nodes.
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    -- two writers appending the same sequence to one aggregate: exactly one wins
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (sequence_number, aggregate_identifier, type),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);
-- the primary key starts with the sequence number; loading the newest snapshot looks up by aggregate
CREATE INDEX snapshot_event_entry_aggregate_idx ON snapshot_event_entry (aggregate_identifier, sequence_number DESC);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    "timestamp"    VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    saga_type       VARCHAR(255),
    revision        VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup_idx ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id      VARCHAR(255) NOT NULL,
    processing_group    VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index      BIGINT       NOT NULL,
    message_type        VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    time_stamp          VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA        NOT NULL,
    meta_data           BYTEA,
    type                VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched        TIMESTAMP(6) WITH TIME ZONE,
    processing_started  TIMESTAMP(6) WITH TIME ZONE,
    cause_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    diagnostics         BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);
