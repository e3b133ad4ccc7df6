package io.ledgerline.command.audit;

import io.ledgerline.command.audit.CustomerState.Status;
import io.ledgerline.command.customer.Customer;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.support.personaldata.NameAndEmail;
import org.springframework.stereotype.Component;

/**
 * Customer state from customer events. Name and email are opened with the customer's key; once the
 * customer is erased the key is gone, and every past state shows the erasure marker too (see
 * {@link AuditedPersonalData}).
 */
@Component
public class CustomerStateFold implements StateFold<CustomerState> {

    private final AuditedPersonalData personalData;

    public CustomerStateFold(AuditedPersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public CustomerState apply(CustomerState state, RecordedEvent event) {
        Object payload = event.payload();
        if (payload instanceof CustomerRegistered registered) {
            NameAndEmail details = personalData.open(registered.customerId(), registered.name(), registered.email());
            return new CustomerState(registered.customerId().value(), details.name(), details.email(),
                    Status.ACTIVE, event.sequence(), event.timestamp());
        }
        if (state == null) {
            throw new IllegalStateException("Customer history does not start with CustomerRegistered but with "
                    + payload.getClass().getSimpleName());
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            NameAndEmail details = personalData.open(changed.customerId(), changed.name(), changed.email());
            return new CustomerState(state.customerId(), details.name(), details.email(), state.status(),
                    event.sequence(), event.timestamp());
        }
        if (payload instanceof CustomerErased) {
            return new CustomerState(state.customerId(), Customer.ERASED, Customer.ERASED, Status.ERASED,
                    event.sequence(), event.timestamp());
        }
        return new CustomerState(state.customerId(), state.name(), state.email(), state.status(), event.sequence(),
                event.timestamp());
    }
}
