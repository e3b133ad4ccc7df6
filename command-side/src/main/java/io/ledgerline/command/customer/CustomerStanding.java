package io.ledgerline.command.customer;

/** What the command side knows about a customer when another aggregate asks. */
public enum CustomerStanding {
    UNKNOWN, ACTIVE, ERASED
}
