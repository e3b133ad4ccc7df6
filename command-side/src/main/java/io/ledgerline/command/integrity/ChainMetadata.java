package io.ledgerline.command.integrity;

import io.ledgerline.command.infrastructure.metadata.MetadataKeys;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata keys of the chain, and which metadata the hash covers.
 *
 * <p>The hash covers the business metadata only, named one by one rather than "everything but":
 * metadata that is not business data (trace context, added by the tracing) may be added, renamed
 * or dropped without ever touching a chain. A new business key is added here, and only events
 * appended after that cover it.
 */
public final class ChainMetadata {

    /** The event's own hash, lowercase hex SHA-256. */
    public static final String HASH = "ledgerline.hash";
    /** The hash of the aggregate's previous event ({@link #GENESIS} for sequence 0), kept to tell a break's kind. */
    public static final String PREVIOUS_HASH = "ledgerline.previousHash";
    /** The previous hash of every aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The metadata the hash covers: the caller, correlation and causation, and the client's transfer
     * text that events stored before sealing kept as metadata.
     */
    public static final List<String> BUSINESS_KEYS = List.of(MetadataKeys.USER, MetadataKeys.CORRELATION_ID,
            MetadataKeys.CAUSATION_ID, TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA);

    private ChainMetadata() {
    }

    /** The business keys present, sorted, each value as its text. */
    public static TreeMap<String, String> businessPart(Map<String, ?> metadata) {
        TreeMap<String, String> business = new TreeMap<>();
        for (String key : BUSINESS_KEYS) {
            Object value = metadata.get(key);
            if (value != null) {
                business.put(key, value.toString());
            }
        }
        return business;
    }
}
