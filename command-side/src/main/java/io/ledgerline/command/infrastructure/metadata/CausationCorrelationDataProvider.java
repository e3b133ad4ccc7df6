package io.ledgerline.command.infrastructure.metadata;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * What a message handler passes on to the messages it produces: the caller and correlation id
 * unchanged, and its own message's id as their causation. Replaces Axon's MessageOriginProvider,
 * whose "correlationId" is the direct cause and would clash with the meaning of the key here.
 */
public class CausationCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> passedOn = new HashMap<>();
        passedOn.put(MetadataKeys.USER, metaData.getOrDefault(MetadataKeys.USER, MetadataKeys.SYSTEM));
        passedOn.put(MetadataKeys.CORRELATION_ID, metaData.getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        passedOn.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return passedOn;
    }
}
