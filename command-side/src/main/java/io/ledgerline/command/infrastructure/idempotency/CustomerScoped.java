package io.ledgerline.command.infrastructure.idempotency;

/**
 * The response to a request about one customer, whose body may carry that customer's name and
 * email: its idempotency key is tied to the customer, and the customer's erasure removes the
 * request's hash (a hash of known-format personal data confirms a guess of it).
 */
public interface CustomerScoped {

    String customerId();
}
