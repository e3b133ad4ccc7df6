package io.ledgerline.command.infrastructure.eventstore;

import io.ledgerline.events.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/**
 * Reads an event's revision from {@link EventRevision}, so that the published language carries
 * its revisions without depending on Axon.
 */
public class EventRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
