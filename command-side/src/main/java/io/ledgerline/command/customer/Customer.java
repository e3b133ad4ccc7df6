package io.ledgerline.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer of the bank and the personal data the ledger keeps about them. Command handlers
 * answer the customer's version: the sequence number of its last event.
 */
@Aggregate
public class Customer {

    /** What stands in place of personal data once a customer is erased. */
    public static final String ERASED = "[erased]";

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private CustomerId customerId;
    private String name;
    private String email;
    private boolean erased;
    private long version;

    protected Customer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Customer(RegisterCustomerCommand command, CustomerDirectory customers) {
        String name = validName(command.name());
        String email = validEmail(command.email());
        if (customers.isEmailTaken(email, null)) {
            throw new DuplicateEmail(email);
        }
        apply(new CustomerRegistered(command.customerId(), name, email));
    }

    @CommandHandler
    public long changeDetails(ChangeCustomerDetailsCommand command, CustomerDirectory customers) {
        requireNotErased();
        String newName = validName(command.name());
        String newEmail = validEmail(command.email());
        if (newName.equals(name) && newEmail.equals(email)) {
            return version;
        }
        if (!EmailAddresses.normalized(newEmail).equals(EmailAddresses.normalized(email))
                && customers.isEmailTaken(newEmail, customerId)) {
            throw new DuplicateEmail(newEmail);
        }
        apply(new CustomerDetailsChanged(customerId, newName, newEmail));
        return version;
    }

    @CommandHandler
    public long erase(EraseCustomerCommand command) {
        requireNotErased();
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
        name = ERASED;
        email = ERASED;
        erased = true;
        version = sequence;
    }
}
