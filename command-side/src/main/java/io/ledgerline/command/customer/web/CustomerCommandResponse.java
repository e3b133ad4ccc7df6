package io.ledgerline.command.customer.web;

/** What an accepted customer command answers: the customer and the version the command produced. */
public record CustomerCommandResponse(String customerId, long version) {
}
