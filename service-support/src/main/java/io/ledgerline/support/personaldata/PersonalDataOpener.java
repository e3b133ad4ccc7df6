package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import java.util.List;
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

    /** An opener for the events of one batch, which looks each customer's key up once (see {@link PersonalDataKeys#lookedUpOnceEach}). */
    public PersonalDataOpener forOneBatch() {
        return new PersonalDataOpener(keys.lookedUpOnceEach(), cipher);
    }

    public String open(CustomerId owner, PersonalDataField field, PersonalData value) {
        if (!value.isSealed()) {
            return value.unsealedText();
        }
        return keys.keyOf(owner).map(key -> cipher.open(key, owner, field, value)).orElse(ERASED);
    }

    /** A value that may be absent (null): null stays null. */
    public String openIfPresent(CustomerId owner, PersonalDataField field, PersonalData value) {
        return value == null ? null : open(owner, field, value);
    }

    /** Both with one key lookup. */
    public NameAndEmail open(CustomerId owner, PersonalData name, PersonalData email) {
        Optional<byte[]> key = name.isSealed() || email.isSealed() ? keys.keyOf(owner) : Optional.empty();
        return new NameAndEmail(open(key, owner, PersonalDataField.NAME, name),
                open(key, owner, PersonalDataField.EMAIL, email));
    }

    /**
     * Several values of one customer with one key lookup, in the order given; absent (null)
     * values stay null.
     */
    public List<String> openAll(CustomerId owner, List<FieldValue> values) {
        boolean anySealed = values.stream().anyMatch(v -> v.value() != null && v.value().isSealed());
        Optional<byte[]> key = anySealed ? keys.keyOf(owner) : Optional.empty();
        return values.stream()
                .map(v -> v.value() == null ? null : open(key, owner, v.field(), v.value()))
                .toList();
    }

    private String open(Optional<byte[]> key, CustomerId owner, PersonalDataField field, PersonalData value) {
        if (!value.isSealed()) {
            return value.unsealedText();
        }
        return key.map(k -> cipher.open(k, owner, field, value)).orElse(ERASED);
    }

    /** One value to open and the field it was sealed as; the value may be null. */
    public record FieldValue(PersonalDataField field, PersonalData value) {
    }
}
