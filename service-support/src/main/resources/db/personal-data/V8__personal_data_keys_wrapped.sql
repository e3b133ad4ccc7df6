-- Data keys are stored wrapped under a key-encryption key (KEK) that lives outside the database;
-- kek_id names it (a fingerprint, not the key). Rows written before have no kek_id and hold the
-- plain key: the command side wraps them when it starts, before it serves (PersonalDataKeyRewrapping).
ALTER TABLE personal_data_keys ADD COLUMN IF NOT EXISTS kek_id VARCHAR(64);

-- The query side reads keys through a role of its own that may SELECT this table and nothing else.
-- Operators create the group role personal_data_key_reader (./run-local and docker/ do) and make
-- the query side's login a member; without it this grant is left to them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'personal_data_key_reader') THEN
        GRANT SELECT ON personal_data_keys TO personal_data_key_reader;
    END IF;
END
$$;
