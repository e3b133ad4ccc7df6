package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The key table as the aggregates see it, kept in memory, with the real cipher. */
public class InMemoryPersonalDataVault implements PersonalDataVault {

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final Map<CustomerId, byte[]> keys = new HashMap<>();
    private final Set<CustomerId> erased = new HashSet<>();
    private final PersonalDataOpener opener = new PersonalDataOpener(owner -> Optional.ofNullable(keys.get(owner)), cipher);

    @Override
    public PersonalData seal(CustomerId owner, PersonalDataField field, String text) {
        return cipher.seal(keys.computeIfAbsent(owner, id -> cipher.newKey()), owner, field, text);
    }

    @Override
    public List<PersonalData> sealUnlessErased(CustomerId owner, List<FieldText> texts) {
        boolean nothingToSeal = texts.stream().allMatch(text -> text.text() == null);
        return texts.stream()
                .map(text -> nothingToSeal || erased.contains(owner) || text.text() == null ? null
                        : seal(owner, text.field(), text.text()))
                .toList();
    }

    @Override
    public String open(CustomerId owner, PersonalDataField field, PersonalData value) {
        return opener.open(owner, field, value);
    }

    @Override
    public void shred(CustomerId owner) {
        keys.remove(owner);
        erased.add(owner);
    }

    /** Opens with this vault's keys, as readers of the key table do. */
    public PersonalDataOpener opener() {
        return opener;
    }

    public boolean hasKey(CustomerId owner) {
        return keys.containsKey(owner);
    }
}
