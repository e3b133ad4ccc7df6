package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The key table as the aggregates see it, kept in memory, with the real cipher. */
public class InMemoryPersonalDataVault implements PersonalDataVault {

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final Map<CustomerId, byte[]> keys = new HashMap<>();
    private final PersonalDataOpener opener = new PersonalDataOpener(owner -> Optional.ofNullable(keys.get(owner)), cipher);

    @Override
    public PersonalData seal(CustomerId owner, String text) {
        return cipher.seal(keys.computeIfAbsent(owner, id -> cipher.newKey()), owner, text);
    }

    @Override
    public String open(CustomerId owner, PersonalData value) {
        return opener.open(owner, value);
    }

    @Override
    public void shred(CustomerId owner) {
        keys.remove(owner);
    }

    /** Opens with this vault's keys, as readers of the key table do. */
    public PersonalDataOpener opener() {
        return opener;
    }

    public boolean hasKey(CustomerId owner) {
        return keys.containsKey(owner);
    }
}
