package io.ledgerline.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer of the bank and the personal data the ledger keeps about them. Name and email leave
 * the aggregate only sealed under the customer's key (see {@link PersonalDataVault}); erasure
 * deletes the key. Command handlers answer the customer's version: the sequence number of its
 * last event.
 */
@Aggregate
public class Customer {

    /** What stands in place of personal data once a customer is erased. */
    public static final String ERASED = PersonalDataOpener.ERASED;

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private CustomerId customerId;
    // sealed as the events carry them; null once erased
    private PersonalData name;
    private PersonalData email;
    private boolean erased;
    private long version;

    protected Customer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Customer(RegisterCustomerCommand command, CustomerDirectory customers, PersonalDataVault vault) {
        String name = validName(command.name());
        String email = validEmail(command.email());
        if (customers.isEmailTaken(email, null)) {
            throw new DuplicateEmail(email);
        }
        CustomerId id = command.customerId();
        apply(new CustomerRegistered(id, vault.seal(id, PersonalDataField.NAME, name),
                vault.seal(id, PersonalDataField.EMAIL, email)));
    }

    @CommandHandler
    public long changeDetails(ChangeCustomerDetailsCommand command, CustomerDirectory customers,
            PersonalDataVault vault) {
        requireNotErased();
        String newName = validName(command.name());
        String newEmail = validEmail(command.email());
        String currentName = vault.open(customerId, PersonalDataField.NAME, name);
        String currentEmail = vault.open(customerId, PersonalDataField.EMAIL, email);
        if (newName.equals(currentName) && newEmail.equals(currentEmail)) {
            return version;
        }
        if (!EmailAddresses.normalized(newEmail).equals(EmailAddresses.normalized(currentEmail))
                && customers.isEmailTaken(newEmail, customerId)) {
            throw new DuplicateEmail(newEmail);
        }
        apply(new CustomerDetailsChanged(customerId, vault.seal(customerId, PersonalDataField.NAME, newName),
                vault.seal(customerId, PersonalDataField.EMAIL, newEmail)));
        return version;
    }

    /** Deleting the key in this command's transaction is what erases: an erasure that fails keeps it. */
    @CommandHandler
    public long erase(EraseCustomerCommand command, PersonalDataVault vault) {
        requireNotErased();
        vault.shred(customerId);
        apply(new CustomerErased(customerId));
        return version;
    }

    private void requireNotErased() {
        if (erased) {
            throw new CustomerIsErased(customerId);
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidCustomerName("it cannot be blank");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidCustomerName("it has more than " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String validEmail(String email) {
        String trimmed = email == null ? null : email.strip();
        if (!EmailAddresses.isValid(trimmed)) {
            throw new InvalidEmail(email);
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event, @SequenceNumber long sequence) {
        customerId = event.customerId();
        name = event.name();
        email = event.email();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CustomerDetailsChanged event, @SequenceNumber long sequence) {
        name = event.name();
        email = event.email();
        version = sequence;
    }

    @EventSourcingHandler
    void on(CustomerErased event, @SequenceNumber long sequence) {
        name = null;
        email = null;
        erased = true;
        version = sequence;
    }
}
