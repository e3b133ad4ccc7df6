-- Set-based facts the command side checks before an aggregate decides. Both tables are written by
-- subscribing event handlers in the same transaction as the event store append, so they never
-- disagree with the events, and a unique violation rolls the append back.

CREATE TABLE customer_registry (
    customer_id VARCHAR(255) NOT NULL,
    -- lower-cased; NULL once the customer is erased, which frees the address
    email       VARCHAR(254),
    erased      BOOLEAN      NOT NULL,
    CONSTRAINT customer_registry_pkey PRIMARY KEY (customer_id),
    CONSTRAINT customer_registry_email_key UNIQUE (email)
);

CREATE TABLE account_registry (
    account_id  VARCHAR(255) NOT NULL,
    customer_id VARCHAR(255) NOT NULL,
    currency    CHAR(3)      NOT NULL,
    CONSTRAINT account_registry_pkey PRIMARY KEY (account_id)
);
