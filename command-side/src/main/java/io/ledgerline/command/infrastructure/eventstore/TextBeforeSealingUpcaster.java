package io.ledgerline.command.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads every event stored before its personal data was sealed (customers' names and emails, the
 * free text of deposits, withdrawals and transfers) as the revision that seals it, in one step from
 * any older revision, the text marked as written before sealing (see {@link TextBeforeSealing}).
 * Such events keep their plain text in the event store; the query side reads older records on
 * Kafka through the same rules, so both see the same event.
 */
public class TextBeforeSealingUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TextBeforeSealing.concerns(typeName(representation), representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String typeName = typeName(representation);
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), TextBeforeSealing.sealedRevision(typeName)),
                JsonNode.class, payload -> TextBeforeSealing.markUnsealed(typeName, payload,
                        key -> metadataValue(representation, key)));
    }

    private static String metadataValue(IntermediateEventRepresentation representation, String key) {
        MetaData metaData = representation.getMetaData().getObject();
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static String typeName(IntermediateEventRepresentation representation) {
        String className = representation.getType().getName();
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
