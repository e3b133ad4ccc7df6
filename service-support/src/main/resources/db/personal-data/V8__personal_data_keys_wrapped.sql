-- Data keys are stored wrapped under a key-encryption key (KEK) that lives outside the database;
-- kek_id names it (a fingerprint, not the key). Rows written before have no kek_id and hold the
-- plain key: the command side wraps them when it starts, before it serves (PersonalDataKeyRewrapping).
ALTER TABLE personal_data_keys ADD COLUMN IF NOT EXISTS kek_id VARCHAR(64);

