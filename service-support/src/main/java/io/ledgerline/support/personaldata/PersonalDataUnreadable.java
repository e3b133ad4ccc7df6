package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;

/**
 * A sealed value that its customer's existing key does not open: changed, truncated or sealed for
 * someone else. An integrity failure of the stored events, unlike an erased customer's value.
 */
public class PersonalDataUnreadable extends RuntimeException {

    public PersonalDataUnreadable(CustomerId owner, Throwable cause) {
        super("A sealed value of customer " + owner + " does not open under the customer's key", cause);
    }
}
