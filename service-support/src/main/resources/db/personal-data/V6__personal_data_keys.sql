-- One AES-256 key per customer; every name and email in the customer's events is sealed under it.
-- Deleting a customer's row is the erasure: the events keep their ciphertext, nothing opens it again.
-- The command side's Flyway applies this file (the next command-side migration is V7); the query
-- side only reads the table, through a connection of its own that should be granted SELECT on it alone.
CREATE TABLE IF NOT EXISTS personal_data_keys (
    customer_id VARCHAR(255)             NOT NULL,
    key_bytes   BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT personal_data_keys_pkey PRIMARY KEY (customer_id)
);
