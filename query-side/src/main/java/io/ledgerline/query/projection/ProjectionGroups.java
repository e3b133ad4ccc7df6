package io.ledgerline.query.projection;

/** The Kafka consumer groups of the SQL projection; each keeps its own position in ledger.events. */
public final class ProjectionGroups {

    public static final String SQL = "ledgerline-query-sql";

    private ProjectionGroups() {
    }
}
