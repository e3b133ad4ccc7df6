package io.ledgerline.events;

/**
 * Kafka record headers of the topic {@value #TOPIC}. The record key is the aggregate id and the
 * value is the event's JSON; everything about the event that is not the fact itself travels here.
 */
public final class LedgerHeaders {

    public static final String TOPIC = "ledger.events";

    public static final String EVENT_ID = "ledger-event-id";
    public static final String EVENT_TYPE = "ledger-event-type";
    public static final String EVENT_REVISION = "ledger-event-revision";
    public static final String AGGREGATE_TYPE = "ledger-aggregate-type";
    public static final String AGGREGATE_ID = "ledger-aggregate-id";
    public static final String AGGREGATE_SEQUENCE = "ledger-aggregate-sequence";
    public static final String GLOBAL_POSITION = "ledger-global-position";
    public static final String TIMESTAMP = "ledger-timestamp";
    /** Prefix of the headers carrying the event's metadata, e.g. {@code ledger-meta-correlationId}. */
    public static final String METADATA_PREFIX = "ledger-meta-";

    private LedgerHeaders() {
    }
}
