package io.ledgerline.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * JSON Schema (draft-07, the dialect of AsyncAPI 3.0's default schema format) of the wire form of
 * the published records, as Jackson writes them: every component is written, null included, so
 * every one is required. Value types the events share ({@code Money}) are collected as schemas of
 * their own and referred to.
 */
final class WireSchemas {

    static final String SCHEMA_REFERENCE = "#/components/schemas/";

    /**
     * Which components may be null on the wire. The types cannot say it; each record's javadoc does,
     * and this follows it. Those of the revisions that sealed free text are null when no text was given,
     * and their owner is null in events stored before it was named, which go out upcast to the current
     * revision when the event store is published or republished.
     */
    private static final Map<Class<? extends Record>, Set<String>> NULLABLE = Map.of(
            MoneyDeposited.class, Set.of("customerId", "description", "reference", "externalReference"),
            MoneyWithdrawn.class, Set.of("customerId", "description", "externalReference"),
            TransferRequested.class, Set.of("payerCustomerId", "description", "reference"));

    static final String MAY_BE_NULL = "May be null: the event's description says when.";
    /** The pattern of a BigDecimal written as a string: Money's scale is never negative, so never an exponent. */
    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";
    static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
    /** The id types refuse blank values. */
    static final String NOT_BLANK_PATTERN = "\\S";

    private static final Set<Class<?>> IDS = Set.of(AccountId.class, CustomerId.class, TransferId.class);

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<Class<? extends Record>, Set<String>> nullable;
    private final Map<String, ObjectNode> valueSchemas = new TreeMap<>();

    WireSchemas(Map<Class<? extends Record>, Set<String>> nullable) {
        nullable.forEach((type, components) -> components.forEach(component -> {
            if (Arrays.stream(type.getRecordComponents()).noneMatch(declared -> declared.getName().equals(component))) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + component);
            }
        }));
        this.nullable = nullable;
    }

    static WireSchemas ofPublishedEvents() {
        return new WireSchemas(NULLABLE);
    }

    static String personalDataPattern() {
        return "^(" + PersonalData.CUSTOMER_BOUND_PREFIX + "|" + PersonalData.SEALED_PREFIX + "|"
                + PersonalData.UNSEALED_PREFIX + ")";
    }

    ObjectNode eventSchema(Class<? extends LedgerEvent> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a record: its wire form is not its components");
        }
        return objectSchema(type);
    }

    /** The shared value types met so far by {@link #eventSchema}, by name. */
    Map<String, ObjectNode> valueSchemas() {
        return valueSchemas;
    }

    private ObjectNode objectSchema(Class<?> type) {
        ObjectNode schema = nodes.objectNode();
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = nodes.objectNode();
        for (RecordComponent component : inWireOrder(type)) {
            String name = wireName(component);
            required.add(name);
            properties.set(name, propertySchema(type, component));
        }
        schema.set("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode propertySchema(Class<?> owner, RecordComponent component) {
        boolean mayBeNull = nullable.getOrDefault(owner, Set.of()).contains(component.getName());
        ObjectNode schema = wireForm(owner, component, mayBeNull);
        if (mayBeNull) {
            String described = schema.path("description").asText("");
            schema.put("description", (described.isEmpty() ? "" : described + " ") + MAY_BE_NULL);
        }
        return schema;
    }

    private ObjectNode wireForm(Class<?> owner, RecordComponent component, boolean mayBeNull) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return string(mayBeNull);
        }
        if (IDS.contains(type)) {
            return string(mayBeNull).put("pattern", NOT_BLANK_PATTERN)
                    .put("description", Javadoc.of(type).summary());
        }
        if (type == PersonalData.class) {
            return string(mayBeNull).put("pattern", personalDataPattern())
                    .put("description", "Personal data: `" + PersonalData.SEALED_PREFIX + "` or `"
                            + PersonalData.CUSTOMER_BOUND_PREFIX + "` sealed under its customer's key, `"
                            + PersonalData.UNSEALED_PREFIX + "` text of an event stored before sealing"
                            + " (see Personal data).");
        }
        if (type == Currency.class) {
            return string(mayBeNull).put("pattern", CURRENCY_PATTERN).put("description", "ISO 4217 currency code");
        }
        if (type == BigDecimal.class && writtenAsString(component)) {
            return string(mayBeNull).put("pattern", DECIMAL_PATTERN)
                    .put("description", "A decimal number written as a string, exact: never read it as a floating-point number");
        }
        if (type.isRecord() && !hasJsonValue(type)) {
            if (!valueSchemas.containsKey(type.getSimpleName())) {
                valueSchemas.put(type.getSimpleName(), objectSchema(type));
            }
            ObjectNode reference = nodes.objectNode().put("$ref", SCHEMA_REFERENCE + type.getSimpleName());
            return mayBeNull ? orNull(reference) : reference;
        }
        throw new IllegalArgumentException("No wire form known for " + owner.getSimpleName() + "." + component.getName()
                + " of type " + type.getName() + ": teach WireSchemas how Jackson writes it");
    }

    private ObjectNode string(boolean mayBeNull) {
        ObjectNode schema = nodes.objectNode();
        if (mayBeNull) {
            schema.putArray("type").add("string").add("null");
        } else {
            schema.put("type", "string");
        }
        return schema;
    }

    private ObjectNode orNull(ObjectNode schema) {
        ObjectNode either = nodes.objectNode();
        either.putArray("anyOf").add(schema).add(nodes.objectNode().put("type", "null"));
        return either;
    }

    private static List<RecordComponent> inWireOrder(Class<?> type) {
        List<RecordComponent> components = List.of(type.getRecordComponents());
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order == null) {
            return components;
        }
        List<String> named = List.of(order.value());
        return components.stream()
                .sorted(Comparator.comparingInt(component -> {
                    int index = named.indexOf(wireName(component));
                    return index < 0 ? Integer.MAX_VALUE : index;
                }))
                .collect(Collectors.toList());
    }

    private static String wireName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static boolean writtenAsString(RecordComponent component) {
        JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
        return format != null && format.shape() == JsonFormat.Shape.STRING;
    }

    private static boolean hasJsonValue(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.getAccessor().isAnnotationPresent(JsonValue.class));
    }
}
