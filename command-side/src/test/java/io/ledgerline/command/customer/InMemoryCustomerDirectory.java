package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import java.util.HashMap;
import java.util.Map;

/** The customer directory as the aggregates see it, kept in memory for Given-When-Then fixtures. */
public class InMemoryCustomerDirectory implements CustomerDirectory {

    private final Map<CustomerId, CustomerStanding> standings = new HashMap<>();
    private final Map<String, CustomerId> emails = new HashMap<>();

    public InMemoryCustomerDirectory active(CustomerId customerId) {
        standings.put(customerId, CustomerStanding.ACTIVE);
        return this;
    }

    public InMemoryCustomerDirectory erased(CustomerId customerId) {
        standings.put(customerId, CustomerStanding.ERASED);
        return this;
    }

    public InMemoryCustomerDirectory emailUsedBy(String email, CustomerId customerId) {
        emails.put(EmailAddresses.normalized(email), customerId);
        return active(customerId);
    }

    @Override
    public CustomerStanding standingOf(CustomerId customerId) {
        return standings.getOrDefault(customerId, CustomerStanding.UNKNOWN);
    }

    @Override
    public boolean isEmailTaken(String email, CustomerId except) {
        CustomerId owner = emails.get(EmailAddresses.normalized(email));
        return owner != null && !owner.equals(except);
    }
}
