package io.ledgerline.command.infrastructure.ids;

import io.ledgerline.support.ids.RandomUuids;
import org.axonframework.common.IdentifierFactory;

/**
 * The ids of Axon's messages (commands, events, their unit-of-work metadata), found by Axon through
 * {@code META-INF/services}. Axon's default draws each one from the JVM's shared random generator,
 * whose lock request threads queued on under load; these come from a generator per thread.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.nextString();
    }
}
