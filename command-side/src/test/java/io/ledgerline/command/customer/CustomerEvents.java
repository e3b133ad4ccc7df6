package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalDataField;

/**
 * Object mother of customer events for Given-When-Then fixtures. Their personal data is sealed in
 * the vault the fixture hands to the aggregate, as the command side would have sealed it.
 */
public final class CustomerEvents {

    public static final CustomerId ADA = CustomerId.of("cust-ada");

    private final PersonalDataVault vault;

    public CustomerEvents(PersonalDataVault vault) {
        this.vault = vault;
    }

    public CustomerRegistered registered(CustomerId customerId) {
        return registered(customerId, "Ada Lovelace", "ada@example.org");
    }

    public CustomerRegistered registered(CustomerId customerId, String name, String email) {
        return new CustomerRegistered(customerId, vault.seal(customerId, PersonalDataField.NAME, name),
                vault.seal(customerId, PersonalDataField.EMAIL, email));
    }

    public CustomerDetailsChanged detailsChanged(CustomerId customerId, String name, String email) {
        return new CustomerDetailsChanged(customerId, vault.seal(customerId, PersonalDataField.NAME, name),
                vault.seal(customerId, PersonalDataField.EMAIL, email));
    }

    public static CustomerErased erased(CustomerId customerId) {
        return new CustomerErased(customerId);
    }
}
