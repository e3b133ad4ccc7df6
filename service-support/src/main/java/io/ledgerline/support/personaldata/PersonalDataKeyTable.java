package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads keys from the command side's table {@value #TABLE}. It asks the table on every lookup and
 * keeps nothing: a key deleted by an erasure stops opening anything at once. Keys are stored
 * wrapped under a KEK; a row without a KEK id was written before wrapping and is read as it is
 * until the command side's start wraps it.
 */
public class PersonalDataKeyTable implements PersonalDataKeys {

    public static final String TABLE = "personal_data_keys";
    /** The table's DDL, applied by the command side's Flyway and by anything that needs an empty key table. */
    public static final List<String> SCHEMA_SCRIPTS = List.of("db/personal-data/V6__personal_data_keys.sql",
            "db/personal-data/V8__personal_data_keys_wrapped.sql");

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;

    public PersonalDataKeyTable(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.keks = keks;
    }

    @Override
    public Optional<byte[]> keyOf(CustomerId owner) {
        return jdbc.query("SELECT key_bytes, kek_id FROM " + TABLE + " WHERE customer_id = ?",
                (row, index) -> open(row.getString("kek_id"), row.getBytes("key_bytes")), owner.value())
                .stream().findFirst();
    }

    /** One query for all the owners: only whether a key is there counts, so none is unwrapped. */
    @Override
    public Set<CustomerId> withoutKey(Collection<CustomerId> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        String[] ids = owners.stream().map(CustomerId::value).distinct().toArray(String[]::new);
        Set<String> withKey = new HashSet<>(jdbc.queryForList(
                "SELECT customer_id FROM " + TABLE + " WHERE customer_id = ANY(?)", String.class, (Object) ids));
        Set<CustomerId> without = new LinkedHashSet<>();
        for (CustomerId owner : owners) {
            if (!withKey.contains(owner.value())) {
                without.add(owner);
            }
        }
        return without;
    }

    /** Stores a new customer's key wrapped; a key the customer already has stays. */
    public void insertIfMissing(CustomerId owner, byte[] dataKey, Instant createdAt) {
        WrappedKey wrapped = keks.wrap(dataKey);
        jdbc.update("INSERT INTO " + TABLE + " (customer_id, key_bytes, kek_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (customer_id) DO NOTHING", owner.value(), wrapped.bytes(), wrapped.kekId(),
                Timestamp.from(createdAt));
    }

    private byte[] open(String kekId, byte[] stored) {
        return kekId == null ? stored : keks.unwrap(new WrappedKey(kekId, stored));
    }
}
