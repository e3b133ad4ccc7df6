package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One row of the event store as the chain sees it, read with plain JDBC (by the verification and
 * the migration, without Axon), so that what is hashed is exactly what is stored.
 *
 * @param storedHash         the hash in the row's metadata, null when the row carries none
 * @param storedPreviousHash the previous hash in the row's metadata, null when the row carries none
 */
public record StoredEventRow(long globalIndex, ChainedEvent event, ObjectNode metadata, String storedHash,
        String storedPreviousHash) {

    /** The columns {@link #read} expects, in a select list. */
    public static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, event_identifier, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    public static StoredEventRow read(ResultSet row, ObjectMapper json) throws SQLException {
        ObjectNode metadata = metadataOf(row.getBytes("meta_data"), json);
        ChainedEvent event = new ChainedEvent(row.getString("type"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                businessPart(metadata));
        return new StoredEventRow(row.getLong("global_index"), event, metadata, text(metadata, ChainMetadata.HASH),
                text(metadata, ChainMetadata.PREVIOUS_HASH));
    }

    /** The chain hash in a row's stored metadata, null when it carries none or is no JSON. */
    public static String hashIn(byte[] metadata, ObjectMapper json) {
        return text(metadataOf(metadata, json), ChainMetadata.HASH);
    }

    public String aggregateId() {
        return event.aggregateId();
    }

    public long sequence() {
        return event.sequence();
    }

    /** The hash the row's content gives with the previous hash it claims (or the given one). */
    public String recomputedHash(String previousHash) {
        return EventHash.of(previousHash, event);
    }

    static ObjectNode metadataOf(byte[] bytes, ObjectMapper json) {
        if (bytes == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            // metadata that is not JSON any more: the row cannot match its hash, which is what verification reports
            return JsonNodeFactory.instance.objectNode().put("unreadable", true);
        }
    }

    static Map<String, String> businessPart(ObjectNode metadata) {
        Map<String, Object> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
        }
        return ChainMetadata.businessPart(values);
    }

    static String text(ObjectNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
