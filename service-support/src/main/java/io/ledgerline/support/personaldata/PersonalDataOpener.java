package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import java.util.Optional;

/**
 * Turns personal data from events into what may be shown: the text while its customer's key
 * exists, the mask {@value #ERASED} once the key is gone, never the ciphertext. Text written before
 * sealing was never encrypted and reads as it is.
 */
public class PersonalDataOpener {

    /** What stands in place of personal data whose key was deleted. */
    public static final String ERASED = "[erased]";

    private final PersonalDataKeys keys;
    private final PersonalDataCipher cipher;

    public PersonalDataOpener(PersonalDataKeys keys, PersonalDataCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    public String open(CustomerId owner, PersonalData value) {
        if (!value.isSealed()) {
            return value.unsealedText();
        }
        return keys.keyOf(owner).map(key -> cipher.open(key, owner, value)).orElse(ERASED);
    }

    /** Both with one key lookup. */
    public NameAndEmail open(CustomerId owner, PersonalData name, PersonalData email) {
        Optional<byte[]> key = name.isSealed() || email.isSealed() ? keys.keyOf(owner) : Optional.empty();
        return new NameAndEmail(open(key, owner, name), open(key, owner, email));
    }

    private String open(Optional<byte[]> key, CustomerId owner, PersonalData value) {
        if (!value.isSealed()) {
            return value.unsealedText();
        }
        return key.map(k -> cipher.open(k, owner, value)).orElse(ERASED);
    }
}
