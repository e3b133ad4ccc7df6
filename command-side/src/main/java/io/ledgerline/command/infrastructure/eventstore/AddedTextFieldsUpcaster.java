package io.ledgerline.command.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.EventTypes;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event stored before some of its text fields existed as its current revision, each field
 * it did not carry yet as "": the booking had none. Every older revision is taken to the current one
 * in one step, so the result does not depend on the order in which Axon chains its upcasters.
 */
public class AddedTextFieldsUpcaster extends SingleEventUpcaster {

    private final String typeName;
    private final List<String> fieldsAddedFromRevisionTwo;
    private final int currentRevision;

    /**
     * @param type                       the event type, whose {@code @EventRevision} is the current revision
     * @param fieldsAddedFromRevisionTwo the field revision 2 added, then the one revision 3 added, and so on
     */
    public AddedTextFieldsUpcaster(Class<?> type, String... fieldsAddedFromRevisionTwo) {
        this.typeName = type.getName();
        this.fieldsAddedFromRevisionTwo = List.of(fieldsAddedFromRevisionTwo);
        this.currentRevision = fieldsAddedFromRevisionTwo.length + 1;
        String declared = EventTypes.revisionOf(type);
        if (!String.valueOf(currentRevision).equals(declared)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is revision " + declared + ", but "
                    + fieldsAddedFromRevisionTwo.length + " added fields make revision " + currentRevision);
        }
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        if (!typeName.equals(representation.getType().getName())) {
            return false;
        }
        Integer stored = revisionOf(representation);
        return stored != null && stored < currentRevision;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        int stored = revisionOf(representation);
        List<String> missing = fieldsAddedFromRevisionTwo.subList(Math.max(stored - 1, 0), fieldsAddedFromRevisionTwo.size());
        return representation.upcastPayload(new SimpleSerializedType(typeName, String.valueOf(currentRevision)),
                JsonNode.class, payload -> {
                    ObjectNode fields = (ObjectNode) payload;
                    missing.forEach(field -> fields.put(field, ""));
                    return fields;
                });
    }

    /** Events stored before revisions were recorded have none; they are revision 1. */
    private static Integer revisionOf(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        if (revision == null) {
            return 1;
        }
        try {
            return Integer.valueOf(revision);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
