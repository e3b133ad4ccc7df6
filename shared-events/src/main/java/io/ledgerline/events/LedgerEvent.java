package io.ledgerline.events;

/** Every event of the ledger: a fact about one aggregate, identified by {@link #aggregateId()}. */
public interface LedgerEvent {

    /** The id of the aggregate the event belongs to, which is also its Kafka record key. */
    String aggregateId();
}
