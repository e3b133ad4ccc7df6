package io.ledgerline.events.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.PersonalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The AsyncAPI 3.0 document of ledger.events, generated from the event catalogue, the records and
 * the header names, so that the contract other teams read cannot drift from what is published.
 * {@code main} (or {@code LedgerEventsDocumentTest} with {@code -Dledgerline.asyncapi.write=true})
 * writes it to docs/api/ledger-events.asyncapi.yaml.
 */
final class LedgerEventsDocument {

    static final String CHANNEL = "ledgerEvents";
    static final String OPERATION = "publishLedgerEvents";
    static final String HEADERS_SCHEMA = "LedgerHeaders";

    /** The contract's own version: raise the minor for a new type or revision, the major if one is ever withdrawn. */
    private static final String DOCUMENT_VERSION = "1.0.0";
    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final String DECIMAL_STRING = "^(0|[1-9][0-9]*)$";

    /** The metadata the command side writes on every event, each as a header {@code ledger-meta-<key>}. */
    private static final Map<String, String> METADATA = metadata();
    /** The W3C header the services' tracing writes and reads; not ledger metadata, so not under its prefix. */
    private static final String TRACEPARENT = "traceparent";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final WireSchemas schemas = WireSchemas.ofPublishedEvents();
    private final ObjectNode document = nodes.objectNode();

    private LedgerEventsDocument() {
    }

    static LedgerEventsDocument generate() {
        LedgerEventsDocument generated = new LedgerEventsDocument();
        generated.build();
        return generated;
    }

    public static void main(String[] args) throws IOException {
        Path target = ModulePaths.document();
        Files.createDirectories(target.getParent());
        Files.writeString(target, generate().yaml());
        System.out.println("Wrote " + target);
    }

    String yaml() {
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
        try {
            return "# Generated from the event records of shared-events by LedgerEventsDocument: do not edit.\n"
                    + yaml.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() {
        document.put("asyncapi", "3.0.0");
        document.set("info", info());
        document.set("servers", servers());
        document.put("defaultContentType", "application/json");
        document.set("channels", nodes.objectNode().set(CHANNEL, channel()));
        document.set("operations", nodes.objectNode().set(OPERATION, operation()));
        document.set("components", components());
    }

    private ObjectNode info() {
        return nodes.objectNode()
                .put("title", "Ledgerline " + LedgerHeaders.TOPIC)
                .put("version", DOCUMENT_VERSION)
                .put("description", consumerGuide())
                .set("license", nodes.objectNode()
                        .put("name", "Apache-2.0")
                        .put("url", "https://www.apache.org/licenses/LICENSE-2.0"));
    }

    private ObjectNode servers() {
        ObjectNode local = nodes.objectNode()
                .put("host", "localhost:19092")
                .put("protocol", "kafka")
                .put("description", "The broker `./run-local` starts; elsewhere, the ledger's Kafka cluster.");
        return nodes.objectNode().set("local", local);
    }

    private ObjectNode channel() {
        ObjectNode channel = nodes.objectNode()
                .put("address", LedgerHeaders.TOPIC)
                .put("title", "The ledger's events")
                .put("description", "Every event the ledger stores, keyed by the id of its aggregate, kept forever. "
                        + "The number of partitions is the deployment's (3 unless configured); a consumer must not "
                        + "depend on it, only on all events of one key being on one partition.");
        ObjectNode messages = channel.putObject("messages");
        for (Class<? extends LedgerEvent> type : EventTypes.all()) {
            messages.set(EventTypes.nameOf(type), reference("#/components/messages/" + EventTypes.nameOf(type)));
        }
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", LedgerHeaders.TOPIC);
        kafka.putObject("topicConfiguration").put("retention.ms", -1).put("retention.bytes", -1);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return channel;
    }

    private ObjectNode operation() {
        ObjectNode operation = nodes.objectNode()
                .put("action", "send")
                .put("title", "Publish the ledger's events")
                .put("summary", "The command side publishes every stored event, in order per aggregate, at least once.");
        operation.set("channel", reference("#/channels/" + CHANNEL));
        ArrayNode messages = operation.putArray("messages");
        for (Class<? extends LedgerEvent> type : EventTypes.all()) {
            messages.add(reference("#/channels/" + CHANNEL + "/messages/" + EventTypes.nameOf(type)));
        }
        return operation;
    }

    private ObjectNode components() {
        ObjectNode eventSchemas = nodes.objectNode();
        ObjectNode messages = nodes.objectNode();
        for (Class<? extends LedgerEvent> type : EventTypes.all()) {
            eventSchemas.set(EventTypes.nameOf(type), schemas.eventSchema(type));
            messages.set(EventTypes.nameOf(type), message(type));
        }
        ObjectNode allSchemas = nodes.objectNode();
        allSchemas.set(HEADERS_SCHEMA, headers());
        schemas.valueSchemas().forEach(allSchemas::set);
        allSchemas.setAll(eventSchemas);

        ObjectNode components = nodes.objectNode();
        components.set("schemas", allSchemas);
        components.set("messages", messages);
        components.set("correlationIds", nodes.objectNode().set("correlationId", nodes.objectNode()
                .put("description", "Shared by every event that one request set off, across a transfer's steps.")
                .put("location", "$message.header#/" + LedgerHeaders.METADATA_PREFIX + "correlationId")));
        return components;
    }

    private ObjectNode message(Class<? extends LedgerEvent> type) {
        String name = EventTypes.nameOf(type);
        String revision = EventTypes.revisionOf(type);
        AggregateKey key = AggregateKey.of(type);
        Javadoc javadoc = Javadoc.of(type);

        ObjectNode message = nodes.objectNode()
                .put("name", name)
                .put("title", name + ", revision " + revision)
                .put("summary", javadoc.summary())
                .put("description", javadoc.markdown())
                .put("contentType", "application/json");

        ObjectNode specific = nodes.objectNode();
        specific.put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject(LedgerHeaders.EVENT_TYPE).put("const", name);
        properties.putObject(LedgerHeaders.EVENT_REVISION).put("const", revision);
        properties.putObject(LedgerHeaders.AGGREGATE_TYPE).put("const", key.aggregateType());
        ObjectNode headers = message.putObject("headers");
        headers.putArray("allOf").add(reference("#/components/schemas/" + HEADERS_SCHEMA)).add(specific);

        message.set("payload", reference(WireSchemas.SCHEMA_REFERENCE + name));
        message.set("correlationId", reference("#/components/correlationIds/correlationId"));

        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key")
                .put("type", "string")
                .put("description", "`" + key.component() + "` of the payload: the id of the " + key.aggregateType()
                        + " the event belongs to, so that its events stay on one partition, in order.");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private ObjectNode headers() {
        ObjectNode schema = nodes.objectNode()
                .put("type", "object")
                .put("description", "The Kafka record headers of every event, each a UTF-8 string. Other headers may "
                        + "appear; a consumer ignores those it does not know.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        Map<String, ObjectNode> described = recordHeaders();
        requireEveryHeaderDescribed(described.keySet());
        described.forEach((name, header) -> {
            properties.set(name, header);
            required.add(name);
        });
        METADATA.forEach((key, description) -> properties.putObject(LedgerHeaders.METADATA_PREFIX + key)
                .put("type", "string").put("description", description));
        properties.set(TRACEPARENT, header("The W3C Trace Context of the publication (https://www.w3.org/TR/trace-context/): "
                + "a consumer that traces continues the trace of the request that caused the event under it. Absent from "
                + "events stored before the ledger traced, and from those published with tracing off.")
                .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"));
        return schema;
    }

    private Map<String, ObjectNode> recordHeaders() {
        Set<String> aggregateTypes = EventTypes.all().stream().map(type -> AggregateKey.of(type).aggregateType())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, ObjectNode> headers = new LinkedHashMap<>();
        headers.put(LedgerHeaders.EVENT_ID, header("The event's unique id (a UUID as the ledger writes them). A record "
                + "published again carries the same id: deduplicate by it.").put("minLength", 1));
        ObjectNode type = header("The event type: the name of its message, which says how to read the value.");
        ArrayNode typeNames = type.putArray("enum");
        EventTypes.all().forEach(eventType -> typeNames.add(EventTypes.nameOf(eventType)));
        headers.put(LedgerHeaders.EVENT_TYPE, type);
        headers.put(LedgerHeaders.EVENT_REVISION, header("The revision of the value's wire form, a whole number from 1. "
                + "Older revisions than the ones described here may be on the topic.").put("pattern", "^[1-9][0-9]*$"));
        ObjectNode aggregateType = header("The kind of aggregate the event belongs to.");
        ArrayNode aggregateTypeNames = aggregateType.putArray("enum");
        aggregateTypes.forEach(aggregateTypeNames::add);
        headers.put(LedgerHeaders.AGGREGATE_TYPE, aggregateType);
        headers.put(LedgerHeaders.AGGREGATE_ID, header("The id of the aggregate the event belongs to; the same as the "
                + "record key.").put("pattern", WireSchemas.NOT_BLANK_PATTERN));
        headers.put(LedgerHeaders.AGGREGATE_SEQUENCE, header("The event's number within its aggregate, from 0, in "
                + "decimal: one more than the aggregate's previous event. Applying an aggregate's events only when this is "
                + "greater than the last applied makes a consumer idempotent.").put("pattern", DECIMAL_STRING));
        headers.put(LedgerHeaders.GLOBAL_POSITION, header("The event's position in the ledger's event store, in "
                + "decimal; -1 when the publisher did not know it. An order across aggregates for audit, with gaps.")
                .put("pattern", "^(-1|0|[1-9][0-9]*)$"));
        headers.put(LedgerHeaders.TIMESTAMP, header("When the event was stored: an ISO-8601 instant in UTC, e.g. "
                + "2026-12-06T07:05:41.123Z. The record's Kafka timestamp is the same instant.").put("format", "date-time"));
        return headers;
    }

    private ObjectNode header(String description) {
        return nodes.objectNode().put("type", "string").put("description", description);
    }

    /** A header added to LedgerHeaders must be described here before the contract can be generated. */
    private static void requireEveryHeaderDescribed(Set<String> described) {
        List<String> declared = Arrays.stream(LedgerHeaders.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .filter(field -> !field.getName().equals("TOPIC") && !field.getName().equals("METADATA_PREFIX"))
                .map(LedgerEventsDocument::constant)
                .filter(name -> !described.contains(name))
                .toList();
        if (!declared.isEmpty()) {
            throw new IllegalStateException("Headers without a description in the contract: " + declared);
        }
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("user", "Who caused the event: the subject of the caller's token, `system` for what no request "
                + "started (a deadline), `anonymous` in events stored before the API required a token.");
        metadata.put("correlationId", "The id shared by everything one original request set off (its "
                + "`X-Correlation-Id`, or the request's own id), across a transfer's follow-up steps.");
        metadata.put("causationId", "The id of the message that directly caused the event: the command for its events, "
                + "an event for the commands a transfer's steps send.");
        return metadata;
    }

    private ObjectNode reference(String target) {
        return nodes.objectNode().put("$ref", target);
    }

    private String consumerGuide() {
        String olderRevisions = EventTypes.all().stream()
                .filter(type -> Integer.parseInt(EventTypes.revisionOf(type)) > 1)
                .map(type -> "`" + EventTypes.nameOf(type) + "` " + range(Integer.parseInt(EventTypes.revisionOf(type)) - 1))
                .collect(Collectors.joining(", "));
        String sealingRevisions = EventTypes.all().stream()
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getType() == PersonalData.class))
                .map(type -> "`" + EventTypes.nameOf(type) + "` (revision " + EventTypes.revisionOf(type) + ")")
                .collect(Collectors.joining(", "));
        return String.join("\n",
                "Every event the ledger stores, published on the Kafka topic `" + LedgerHeaders.TOPIC + "` for other teams "
                        + "to build on. This document is generated from the event records of `shared-events` "
                        + "(`io.ledgerline.events`) and checked against them in the build: change the records, not this file.",
                "",
                "## A record",
                "",
                "- **Key**: the id of the aggregate (account, customer or transfer) the event belongs to, a UTF-8 string. "
                        + "Each message names the field of its value that is the key.",
                "- **Value**: the event as UTF-8 JSON, as its message's payload describes. Every field is written, null "
                        + "included; a field that may be null says so.",
                "- **Headers**: UTF-8 strings (`" + HEADERS_SCHEMA + "`). `" + LedgerHeaders.EVENT_TYPE + "` and `"
                        + LedgerHeaders.EVENT_REVISION + "` say which message a record is: read them before the value.",
                "- **Timestamp**: when the event was stored, the instant `" + LedgerHeaders.TIMESTAMP + "` also carries.",
                "",
                "## Order",
                "",
                "Records are partitioned by key, so the events of one aggregate are on one partition, in order: their `"
                        + LedgerHeaders.AGGREGATE_SEQUENCE + "` starts at 0 and grows by one. Between aggregates there is "
                        + "no order: a transfer's own events (keyed by the transfer id) and the debit and credit of its "
                        + "accounts (keyed by the account ids) may be read in any order relative to each other. `"
                        + LedgerHeaders.GLOBAL_POSITION + "` is the event's position in the ledger's event store, for audit.",
                "",
                "## Delivery: at least once",
                "",
                "The ledger moves past an event only once Kafka has acknowledged it, so after a crash or an outage "
                        + "the same events can be published again, and an operator can republish the whole event store "
                        + "(after losing the topic). Every consumer must therefore be idempotent: deduplicate by `"
                        + LedgerHeaders.EVENT_ID + "`, or store the last `" + LedgerHeaders.AGGREGATE_SEQUENCE
                        + "` applied per aggregate id together with what it changed, and skip a record whose sequence is "
                        + "not greater. A record published again has the same key, event id and sequence.",
                "",
                "The topic keeps every event forever (`retention.ms` -1): a new consumer builds its state by reading "
                        + "from the beginning.",
                "",
                "## Revisions",
                "",
                "A change to an event's wire form comes as a new revision (`" + LedgerHeaders.EVENT_REVISION + "`). "
                        + "The messages here describe each type at its current revision. The topic is never rewritten, "
                        + "so older revisions published before an upgrade stay on it and a consumer reading from the "
                        + "beginning meets them: " + olderRevisions + ". Each message's description says what its "
                        + "older revisions lacked. An event stored at an older revision and published (again) after the "
                        + "upgrade goes out at the current revision, read forward: that is why some fields of the current "
                        + "revisions may be null. New types and revisions are added over time: a consumer parks a record "
                        + "of a type or revision it does not know, it does not drop it silently.",
                "",
                "## Money",
                "",
                "An amount is `{amount, currency}`: `amount` a decimal string with exactly as many decimals as the "
                        + "currency has minor units (`\"12.50\"` EUR, `\"7\"` JPY), `currency` an ISO 4217 code. Never "
                        + "read an amount as a floating-point number.",
                "",
                "## Personal data",
                "",
                "Customers' names and email addresses and the free text of bookings and transfers are personal data, "
                        + "and never in plain text in the current revisions of " + sealingRevisions + ". Each such "
                        + "field is a string that says what it is:",
                "",
                Javadoc.of(PersonalData.class).markdown(),
                "",
                "Only the ledger's services hold the customers' keys: to any other consumer these values are opaque. "
                        + "`CustomerErased` deletes the customer's key, after which nobody can open them; a consumer "
                        + "that keeps anything derived from a customer's personal data drops it then. Older revisions "
                        + "carried these values in plain text, and erasure cannot remove them from the topic.");
    }

    private static String range(int lastOlder) {
        return switch (lastOlder) {
            case 1 -> "1";
            case 2 -> "1 and 2";
            default -> "1 to " + lastOlder;
        };
    }
}
