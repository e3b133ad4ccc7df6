package io.ledgerline.command.audit;

/** The aggregates the audit API answers for, with the type name Axon stores their events under. */
public enum AggregateKind {
    ACCOUNT("Account", "account"),
    CUSTOMER("Customer", "customer"),
    TRANSFER("Transfer", "transfer");

    private final String storedType;
    private final String noun;

    AggregateKind(String storedType, String noun) {
        this.storedType = storedType;
        this.noun = noun;
    }

    public String storedType() {
        return storedType;
    }

    public String noun() {
        return noun;
    }
}
