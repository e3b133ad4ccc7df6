package io.ledgerline.command.audit;

import io.ledgerline.command.audit.CustomerState.Status;
import io.ledgerline.command.customer.Customer;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;

/** Customer state from customer events. */
public class CustomerStateFold implements StateFold<CustomerState> {

    @Override
    public CustomerState apply(CustomerState state, RecordedEvent event) {
        Object payload = event.payload();
        if (payload instanceof CustomerRegistered registered) {
            return new CustomerState(registered.customerId().value(), registered.name(), registered.email(),
                    Status.ACTIVE, event.sequence(), event.timestamp());
        }
        if (state == null) {
            throw new IllegalStateException("Customer history does not start with CustomerRegistered but with "
                    + payload.getClass().getSimpleName());
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            return new CustomerState(state.customerId(), changed.name(), changed.email(), state.status(),
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
