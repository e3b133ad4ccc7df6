package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads keys from the command side's table {@value #TABLE}. It asks the table on every lookup and
 * keeps nothing: a key deleted by an erasure stops opening anything at once.
 */
public class PersonalDataKeyTable implements PersonalDataKeys {

    public static final String TABLE = "personal_data_keys";
    /** The table's DDL, applied by the command side's Flyway and by anything that needs an empty key table. */
    public static final String SCHEMA_SCRIPT = "db/personal-data/V6__personal_data_keys.sql";

    private final JdbcTemplate jdbc;

    public PersonalDataKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<byte[]> keyOf(CustomerId owner) {
        return jdbc.query("SELECT key_bytes FROM " + TABLE + " WHERE customer_id = ?",
                (row, index) -> row.getBytes("key_bytes"), owner.value()).stream().findFirst();
    }
}
