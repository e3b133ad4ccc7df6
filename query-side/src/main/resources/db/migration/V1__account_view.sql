-- Amounts are unconstrained numerics: each keeps the scale of its currency's minor units as written.
CREATE TABLE account_view (
    account_id      VARCHAR(100) NOT NULL,
    customer_id     VARCHAR(100) NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    balance         NUMERIC      NOT NULL,
    overdraft_limit NUMERIC      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    version         BIGINT       NOT NULL,
    opened_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT account_view_pkey PRIMARY KEY (account_id)
);

CREATE INDEX account_view_customer_idx ON account_view (customer_id);
