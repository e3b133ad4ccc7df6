package io.ledgerline.command.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.MoneyDeposited;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads MoneyDeposited revision 1, stored before deposits carried a payer's reference, as
 * revision 2 with an empty reference: the deposit had none.
 */
public class MoneyDepositedReferenceUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MoneyDeposited.class.getName(), "1");
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(MoneyDeposited.class.getName(), REVISION_2),
                JsonNode.class, payload -> ((ObjectNode) payload).put("reference", ""));
    }
}
