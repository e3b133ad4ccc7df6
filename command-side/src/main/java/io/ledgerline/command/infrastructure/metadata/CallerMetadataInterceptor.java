package io.ledgerline.command.infrastructure.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Gives every command a caller and a correlation id. Commands sent while another message is handled
 * (the saga's) already carry both from that message; commands of an API request take them from the
 * request; anything else is the system's own, correlated with itself.
 */
public class CallerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> missing = new HashMap<>();
            RequestOrigin origin = RequestOrigin.current().orElse(null);
            if (!command.getMetaData().containsKey(MetadataKeys.USER)) {
                missing.put(MetadataKeys.USER, origin == null ? MetadataKeys.SYSTEM : origin.user());
            }
            if (!command.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
                missing.put(MetadataKeys.CORRELATION_ID, origin == null ? command.getIdentifier() : origin.correlationId());
            }
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }
}
