package io.ledgerline.query;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's event table in the tests' own database, as its migration creates it and readable by the
 * reconciliation's login: the reconciliation reads it, whichever test class runs first.
 */
public final class EventStoreTable {

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS domain_event_entry (
                global_index         BIGINT       NOT NULL PRIMARY KEY,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                time_stamp           VARCHAR(255) NOT NULL,
                payload_type         VARCHAR(255) NOT NULL,
                payload_revision     VARCHAR(255),
                payload              BYTEA        NOT NULL,
                meta_data            BYTEA,
                UNIQUE (aggregate_identifier, sequence_number));
            -- far from the global positions other tests publish at, which the audit index keeps
            CREATE SEQUENCE IF NOT EXISTS domain_event_entry_seq START WITH 500000000 INCREMENT BY 1 CACHE 1;
            GRANT SELECT ON domain_event_entry TO event_store_reader""";

    private EventStoreTable() {
    }

    public static void ensure(JdbcTemplate database) {
        database.execute(TABLE);
    }
}
