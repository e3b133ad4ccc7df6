-- Whose key sealed a line's free text (the account's owner when it was booked), so that the
-- owner's erasure finds and masks the text. NULL where nothing was sealed: lines without text of a
-- customer's own, and text from before sealing. Lines projected before the column existed keep
-- NULL until a rebuild of the SQL read models reads their events again.
ALTER TABLE statement_line ADD COLUMN text_owner VARCHAR(100);
CREATE INDEX statement_line_text_owner_idx ON statement_line (text_owner) WHERE text_owner IS NOT NULL;
