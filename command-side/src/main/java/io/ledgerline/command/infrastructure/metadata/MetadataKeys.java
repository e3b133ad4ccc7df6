package io.ledgerline.command.infrastructure.metadata;

import java.util.List;

/**
 * Metadata keys of every command and event; the publisher copies these, and only these, into Kafka
 * headers ({@code ledger-meta-user}, {@code ledger-meta-correlationId}, {@code ledger-meta-causationId}).
 */
public final class MetadataKeys {

    /**
     * Who asked: the {@code sub} of the API caller's verified bearer token, {@value #SYSTEM} for what no
     * request started; {@value #ANONYMOUS} only in events stored before the API required a token.
     */
    public static final String USER = "user";
    /** The id shared by everything one original request set off, across the saga's follow-up commands. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one: a command for its events, an event for a saga's command. */
    public static final String CAUSATION_ID = "causationId";

    /** The keys the publisher copies into Kafka headers; nothing else stored as metadata reaches Kafka. */
    public static final List<String> PUBLISHED = List.of(USER, CORRELATION_ID, CAUSATION_ID);

    /** The caller of a request without an authenticated subject; every command endpoint requires one. */
    public static final String ANONYMOUS = "anonymous";
    /** The caller of commands that no API request started, e.g. a deadline. */
    public static final String SYSTEM = "system";

    private MetadataKeys() {
    }
}
