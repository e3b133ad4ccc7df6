-- The query side's reconciliation reads the event table through a login of the group role event_store_reader
-- (README "Proving the books"). Where the operator created that group before this migration ran, it gets its only
-- privilege here, so no deployment depends on a grant by hand; where it does not exist, nothing happens and the
-- grant is the operator's (the README gives it).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'event_store_reader') THEN
        GRANT SELECT ON domain_event_entry TO event_store_reader;
    END IF;
END
$$;
