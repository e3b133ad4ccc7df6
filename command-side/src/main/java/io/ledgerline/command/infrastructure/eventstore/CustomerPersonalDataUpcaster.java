package io.ledgerline.command.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.support.personaldata.RevisionOneCustomerEvents;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads CustomerRegistered and CustomerDetailsChanged revision 1, stored before personal data was
 * sealed, as revision 2 with name and email marked as written before sealing (see
 * {@link RevisionOneCustomerEvents}). Such events keep their plain text in the event store.
 */
public class CustomerPersonalDataUpcaster extends SingleEventUpcaster {

    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String className = representation.getType().getName();
        return RevisionOneCustomerEvents.concerns(className.substring(className.lastIndexOf('.') + 1),
                representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), REVISION_2),
                JsonNode.class, RevisionOneCustomerEvents::markUnsealed);
    }
}
