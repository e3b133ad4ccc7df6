-- The customer whose name and email a request carried (registration, details change): the
-- customer's erasure removes the request's hash, which a guess of the body could be checked against.
-- Such a key then still replays its response, but cannot tell a different body from the same one.
ALTER TABLE idempotency_key ADD COLUMN customer_id VARCHAR(255);
ALTER TABLE idempotency_key ALTER COLUMN request_hash DROP NOT NULL;
CREATE INDEX idempotency_key_customer_id_idx ON idempotency_key (customer_id) WHERE customer_id IS NOT NULL;
