package io.ledgerline.command.personaldata;

import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.WrappedKey;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every stored data key under the current KEK: keys of an earlier release stored plain
 * (no KEK id) and keys wrapped under a previous KEK. Only the key table changes; events are sealed
 * under the data keys, which stay the same, so no event is touched. Batches are small, locked and
 * committed one by one, so erasures and first commands of customers wait for one batch at most.
 */
public class PersonalDataKeyRewrapping {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyEncryptionKeys keks;

    public PersonalDataKeyRewrapping(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.keks = keks;
    }

    /**
     * @return how many keys were re-wrapped
     * @throws io.ledgerline.support.personaldata.KeyEncryptionKeyMissing when a key's KEK is not configured
     */
    public int rewrapAll() {
        int total = 0;
        int done;
        do {
            done = transaction.execute(status -> rewrapBatch());
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int rewrapBatch() {
        List<StoredKey> batch = jdbc.query("SELECT customer_id, key_bytes, kek_id FROM " + PersonalDataKeyTable.TABLE
                        + " WHERE kek_id IS DISTINCT FROM ? ORDER BY customer_id LIMIT " + BATCH + " FOR UPDATE",
                (row, index) -> new StoredKey(row.getString("customer_id"), row.getBytes("key_bytes"),
                        row.getString("kek_id")), keks.currentKekId());
        for (StoredKey key : batch) {
            byte[] dataKey = key.kekId() == null ? key.bytes() : keks.unwrap(new WrappedKey(key.kekId(), key.bytes()));
            WrappedKey rewrapped = keks.wrap(dataKey);
            jdbc.update("UPDATE " + PersonalDataKeyTable.TABLE + " SET key_bytes = ?, kek_id = ? WHERE customer_id = ?",
                    rewrapped.bytes(), rewrapped.kekId(), key.customerId());
        }
        return batch.size();
    }

    private record StoredKey(String customerId, byte[] bytes, String kekId) {
    }
}
