package io.ledgerline.support.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferRequested;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Events stored before their personal data was sealed, read as the revision that seals it: each
 * text becomes a value marked as written before sealing ({@link PersonalData#unsealed}), a text
 * that was "" or absent becomes null, and the owner the new revision names stays null, as nothing
 * in the event was sealed. Nothing is encrypted on the way: such text stays readable wherever the
 * old event is kept. The command side's upcaster and the query side's reader of older records
 * both read through here, so both see the same event.
 *
 * <ul>
 *   <li>CustomerRegistered, CustomerDetailsChanged before revision 2: name, email.</li>
 *   <li>MoneyDeposited before 4: description, reference (from 2), externalReference (from 3).</li>
 *   <li>MoneyWithdrawn before 3: description, externalReference (from 2).</li>
 *   <li>TransferRequested before 2: the description its metadata {@value #TRANSFER_DESCRIPTION_METADATA}
 *       carried; no reference.</li>
 * </ul>
 */
public final class TextBeforeSealing {

    /** The metadata key under which revision 1 of TransferRequested carried the client's text. */
    public static final String TRANSFER_DESCRIPTION_METADATA = "transferDescription";

    private static final Map<String, Sealing> SEALED_SINCE = Map.of(
            EventTypes.nameOf(CustomerRegistered.class), new Sealing(2, List.of("name", "email"), null, false),
            EventTypes.nameOf(CustomerDetailsChanged.class), new Sealing(2, List.of("name", "email"), null, false),
            EventTypes.nameOf(MoneyDeposited.class),
            new Sealing(4, List.of("description", "reference", "externalReference"), "customerId", false),
            EventTypes.nameOf(MoneyWithdrawn.class),
            new Sealing(3, List.of("description", "externalReference"), "customerId", false),
            EventTypes.nameOf(TransferRequested.class),
            new Sealing(2, List.of("description", "reference"), "payerCustomerId", true));

    private TextBeforeSealing() {
    }

    /**
     * @param typeName the event's simple name, as on Kafka
     * @param revision the stored revision; null for events stored before revisions were recorded
     */
    public static boolean concerns(String typeName, String revision) {
        Sealing sealing = SEALED_SINCE.get(typeName);
        return sealing != null && revisionNumber(revision) < sealing.revision();
    }

    /** The revision that {@link #markUnsealed} makes of an event of this type. */
    public static String sealedRevision(String typeName) {
        Sealing sealing = SEALED_SINCE.get(typeName);
        if (sealing == null) {
            throw new IllegalArgumentException(typeName + " carries no sealed personal data");
        }
        return String.valueOf(sealing.revision());
    }

    /**
     * Changes the payload in place and returns it.
     *
     * @param metadata the event's metadata by key; null when there is none
     */
    public static JsonNode markUnsealed(String typeName, JsonNode payload, Function<String, String> metadata) {
        Sealing sealing = SEALED_SINCE.get(typeName);
        ObjectNode upcast = (ObjectNode) payload;
        if (sealing.descriptionFromMetadata()) {
            String description = metadata.apply(TRANSFER_DESCRIPTION_METADATA);
            upcast.put("description", description);
        }
        for (String field : sealing.fields()) {
            JsonNode value = upcast.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                upcast.put(field, PersonalData.unsealed(value.asText()).value());
            } else {
                upcast.putNull(field);
            }
        }
        if (sealing.ownerField() != null && !upcast.has(sealing.ownerField())) {
            upcast.putNull(sealing.ownerField());
        }
        return upcast;
    }

    // revisions are whole numbers; an event stored before they were recorded is revision 1
    private static int revisionNumber(String revision) {
        if (revision == null) {
            return 1;
        }
        try {
            return Integer.parseInt(revision);
        } catch (NumberFormatException notANumber) {
            return Integer.MAX_VALUE;
        }
    }

    private record Sealing(int revision, List<String> fields, String ownerField, boolean descriptionFromMetadata) {
    }
}
