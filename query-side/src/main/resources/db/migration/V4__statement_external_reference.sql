-- The payment system's id of a deposit or withdrawal, as the statement shows it. Lines projected
-- before it existed keep NULL until a rebuild of the SQL read models reads their events again.
ALTER TABLE statement_line ADD COLUMN external_reference VARCHAR(64);
