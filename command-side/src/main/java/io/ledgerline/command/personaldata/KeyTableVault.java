package io.ledgerline.command.personaldata;

import io.ledgerline.command.customer.PersonalDataVault;
import io.ledgerline.command.infrastructure.idempotency.IdempotencyKeys;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The vault on the command side's database. Its statements join the transaction the command bus
 * opened for the command, the one that appends the events: a key exists exactly when the events
 * sealed under it were stored, and an erasure that rolls back keeps it.
 *
 * <p>Free text of a booking is sealed under the account owner's key while another transaction may
 * be erasing that owner. Both lock the owner's row in {@code customer_registry} (the erasure
 * exclusively, the booking shared), so a booking either commits its key before the erasure deletes
 * it or sees the owner erased and creates none.
 */
@Component
class KeyTableVault implements PersonalDataVault {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final PersonalDataKeyTable keys;
    private final PersonalDataOpener opener;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    KeyTableVault(JdbcTemplate jdbc, PersonalDataCipher cipher, PersonalDataKeyTable keys, PersonalDataOpener opener,
            IdempotencyKeys idempotencyKeys) {
        this.jdbc = jdbc;
        this.idempotencyKeys = idempotencyKeys;
        this.cipher = cipher;
        this.keys = keys;
        this.opener = opener;
        this.clock = Clock.systemUTC();
    }

    @Override
    public PersonalData seal(CustomerId owner, PersonalDataField field, String text) {
        return cipher.seal(keyOf(owner), owner, field, text);
    }

    @Override
    public List<PersonalData> sealUnlessErased(CustomerId owner, List<FieldText> texts) {
        if (texts.stream().allMatch(text -> text.text() == null) || isErasedLockingOut(owner)) {
            return Collections.nCopies(texts.size(), null);
        }
        byte[] key = keyOf(owner);
        List<PersonalData> sealed = new ArrayList<>(texts.size());
        for (FieldText text : texts) {
            sealed.add(text.text() == null ? null : cipher.seal(key, owner, text.field(), text.text()));
        }
        return sealed;
    }

    @Override
    public String open(CustomerId owner, PersonalDataField field, PersonalData value) {
        return opener.open(owner, field, value);
    }

    @Override
    public void shred(CustomerId owner) {
        // waits for bookings that may still create the key; bookings after it see the owner erased
        jdbc.query("SELECT customer_id FROM customer_registry WHERE customer_id = ? FOR UPDATE",
                (row, index) -> row.getString(1), owner.value());
        jdbc.update("DELETE FROM " + PersonalDataKeyTable.TABLE + " WHERE customer_id = ?", owner.value());
        // the hash of a request that carried the name and email would confirm a guess of them
        idempotencyKeys.forgetRequestsOf(owner.value());
    }

    /** Holds the owner's row until this transaction ends, so an erasure cannot slip in before the key is stored. */
    private boolean isErasedLockingOut(CustomerId owner) {
        return jdbc.query("SELECT erased FROM customer_registry WHERE customer_id = ? FOR KEY SHARE",
                        (row, index) -> row.getBoolean("erased"), owner.value())
                .stream().findFirst().orElse(false);
    }

    private byte[] keyOf(CustomerId owner) {
        return keys.keyOf(owner).orElseGet(() -> {
            // a concurrent first command for the same customer loses on the aggregate's sequence anyway
            keys.insertIfMissing(owner, cipher.newKey(), clock.instant());
            return keys.keyOf(owner).orElseThrow();
        });
    }
}
