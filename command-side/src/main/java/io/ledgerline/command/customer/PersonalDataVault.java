package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;

/**
 * The port through which customer command handlers seal and open personal data under the
 * customer's own key. Passed to handlers as a parameter, never held; it works in the command's
 * transaction, so a key is created with the customer's first event and deleted with the erasure.
 */
public interface PersonalDataVault {

    /** Seals the text under the customer's key, creating the key if the customer has none yet. */
    PersonalData seal(CustomerId owner, String text);

    /** The text, or the erasure mask once the customer's key is gone. */
    String open(CustomerId owner, PersonalData value);

    /** Deletes the customer's key: nothing sealed under it can be opened again. */
    void shred(CustomerId owner);
}
