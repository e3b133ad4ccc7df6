package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import java.util.List;

/**
 * The port through which command handlers seal and open personal data under the customer's own
 * key. Passed to handlers as a parameter, never held; it works in the command's transaction, so a
 * key is created with the customer's first sealed event and deleted with the erasure.
 */
public interface PersonalDataVault {

    /** Seals the text as that field under the customer's key, creating the key if the customer has none yet. */
    PersonalData seal(CustomerId owner, PersonalDataField field, String text);

    /**
     * Seals free text of a booking under its owner's key, creating the key for an owner registered
     * before sealing existed. Absent (null) texts stay null and need no key. Once the owner is erased
     * every result is null and no key is created: an erased customer never gets a key again, so
     * their text is not kept at all.
     *
     * @return the sealed values in the order given
     */
    List<PersonalData> sealUnlessErased(CustomerId owner, List<FieldText> texts);

    /** The text, or the erasure mask once the customer's key is gone. */
    String open(CustomerId owner, PersonalDataField field, PersonalData value);

    /** Deletes the customer's key: nothing sealed under it can be opened again. */
    void shred(CustomerId owner);

    /** One text to seal and the field it is; the text may be null. */
    record FieldText(PersonalDataField field, String text) {
    }
}
