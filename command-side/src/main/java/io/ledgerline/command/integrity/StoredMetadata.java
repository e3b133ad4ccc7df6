package io.ledgerline.command.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the chain needs of a row's stored metadata: its hash, its previous hash and the business
 * part the hash covers, read the way {@link StoredEventRow} reads them.
 *
 * <p>The verification reads a million of these: the usual metadata (an object of texts) is read
 * token by token, without building a tree; anything else (a business value that is no text, or
 * metadata that is no JSON object) is read through the tree as {@link StoredEventRow} does, so
 * that both give the same answer for every stored byte.
 *
 * @param businessKeys   the business keys present, in their natural order
 * @param businessValues their values' text, in the same order
 */
record StoredMetadata(String hash, String previousHash, String[] businessKeys, String[] businessValues) {

    /** {@link ChainMetadata#BUSINESS_KEYS} in their natural order: the order the hash covers them in. */
    private static final String[] SORTED_KEYS = ChainMetadata.BUSINESS_KEYS.stream().sorted().toArray(String[]::new);
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    static StoredMetadata read(byte[] bytes) {
        StoredMetadata streamed = bytes == null ? null : streamed(bytes);
        return streamed != null ? streamed : throughTheTree(bytes);
    }

    /** As {@link StoredEventRow#read} reads it. */
    static StoredMetadata throughTheTree(byte[] bytes) {
        ObjectNode metadata = StoredEventRow.metadataOf(bytes, TREE);
        Map<String, String> business = StoredEventRow.businessPart(metadata);
        return new StoredMetadata(StoredEventRow.text(metadata, ChainMetadata.HASH),
                StoredEventRow.text(metadata, ChainMetadata.PREVIOUS_HASH), business.keySet().toArray(String[]::new),
                business.values().toArray(String[]::new));
    }

    /** Null when the metadata needs the tree to be read as the tree reads it. */
    static StoredMetadata streamed(byte[] bytes) {
        String hash = null;
        String previousHash = null;
        String[] values = new String[SORTED_KEYS.length];
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int business = businessIndex(name);
                if (business >= 0) {
                    if (value == JsonToken.VALUE_STRING) {
                        values[business] = parser.getText();
                    } else if (value == JsonToken.VALUE_NULL) {
                        // as in the tree, a later null replaces an earlier value, and a null value is absent
                        values[business] = null;
                    } else {
                        // a number's or an object's text is the tree's to give
                        return null;
                    }
                } else if (ChainMetadata.HASH.equals(name)) {
                    hash = textOrNull(parser, value);
                } else if (ChainMetadata.PREVIOUS_HASH.equals(name)) {
                    previousHash = textOrNull(parser, value);
                } else {
                    consume(parser, value);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return null;
            }
        } catch (IOException | RuntimeException notReadableHere) {
            // the tree decides what metadata that does not parse reads as
            return null;
        }
        List<String> keys = new ArrayList<>(SORTED_KEYS.length);
        List<String> present = new ArrayList<>(SORTED_KEYS.length);
        for (int i = 0; i < SORTED_KEYS.length; i++) {
            if (values[i] != null) {
                keys.add(SORTED_KEYS[i]);
                present.add(values[i]);
            }
        }
        return new StoredMetadata(hash, previousHash, keys.toArray(String[]::new), present.toArray(String[]::new));
    }

    private static int businessIndex(String name) {
        for (int i = 0; i < SORTED_KEYS.length; i++) {
            if (SORTED_KEYS[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String textOrNull(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        consume(parser, value);
        return null;
    }

    /**
     * Reads a value through to its end as the tree would, texts and numbers included, so that
     * metadata the tree cannot read is not read here either.
     */
    private static void consume(JsonParser parser, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken token = first;
        while (true) {
            if (token == null) {
                throw new IOException("metadata ends inside a value");
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                default -> {
                }
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }
}
