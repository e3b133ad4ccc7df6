package io.ledgerline.command.personaldata;

import io.ledgerline.command.customer.PersonalDataVault;
import io.ledgerline.command.infrastructure.idempotency.IdempotencyKeys;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The vault on the command side's database. Its statements join the transaction the command bus
 * opened for the command, the one that appends the events: a key exists exactly when the events
 * sealed under it were stored, and an erasure that rolls back keeps it.
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
    public PersonalData seal(CustomerId owner, String text) {
        return cipher.seal(keyOf(owner), owner, text);
    }

    @Override
    public String open(CustomerId owner, PersonalData value) {
        return opener.open(owner, value);
    }

    @Override
    public void shred(CustomerId owner) {
        jdbc.update("DELETE FROM " + PersonalDataKeyTable.TABLE + " WHERE customer_id = ?", owner.value());
        // the hash of a request that carried the name and email would confirm a guess of them
        idempotencyKeys.forgetRequestsOf(owner.value());
    }

    private byte[] keyOf(CustomerId owner) {
        return keys.keyOf(owner).orElseGet(() -> {
            // a concurrent first command for the same customer loses on the aggregate's sequence anyway
            keys.insertIfMissing(owner, cipher.newKey(), clock.instant());
            return keys.keyOf(owner).orElseThrow();
        });
    }
}
