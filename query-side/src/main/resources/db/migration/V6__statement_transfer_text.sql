-- A transfer's description and the payer's reference, shown on the lines of both its accounts: the
-- payer's personal data, stored once with the transfer and masked there at the payer's erasure
-- (text_owner: the payer, for text stored before sealing the source account's owner). The lines
-- read them, the counterparty and its name through transfer_view when answered, so the order in
-- which a transfer and its lines are projected does not matter. Transfers projected before this
-- migration show no text until a rebuild of the SQL read models reads their events again.
ALTER TABLE transfer_view ADD COLUMN description VARCHAR(500);
ALTER TABLE transfer_view ADD COLUMN reference VARCHAR(100);
ALTER TABLE transfer_view ADD COLUMN text_owner VARCHAR(100);
CREATE INDEX transfer_view_text_owner_idx ON transfer_view (text_owner) WHERE text_owner IS NOT NULL;
CREATE INDEX transfer_view_source_idx ON transfer_view (source_account_id);

-- A deposit's payer's reference, and why a reversal gave a transfer's debit back (its code).
ALTER TABLE statement_line ADD COLUMN reference VARCHAR(100);
ALTER TABLE statement_line ADD COLUMN reason_code VARCHAR(64);
-- read from transfer_view instead
ALTER TABLE statement_line DROP COLUMN counterparty_account_id;
