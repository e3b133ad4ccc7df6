-- Whose personal data a line's free text is, so that the owner's erasure finds and masks it: the
-- customer whose key sealed it, and for text stored before sealing the account's owner. NULL on
-- lines without text. Lines projected before the column existed keep NULL until a rebuild of the
-- SQL read models reads their events again.
ALTER TABLE statement_line ADD COLUMN text_owner VARCHAR(100);
CREATE INDEX statement_line_text_owner_idx ON statement_line (text_owner) WHERE text_owner IS NOT NULL;
