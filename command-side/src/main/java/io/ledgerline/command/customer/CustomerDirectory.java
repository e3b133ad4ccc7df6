package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;

/**
 * The port through which command handlers ask about customers other than the one they decide for:
 * set-based facts that no single aggregate holds. Passed to handlers as a parameter, never held.
 */
public interface CustomerDirectory {

    CustomerStanding standingOf(CustomerId customerId);

    /** Whether a customer other than {@code except} (may be null) uses the address, ignoring case. */
    boolean isEmailTaken(String email, CustomerId except);
}
