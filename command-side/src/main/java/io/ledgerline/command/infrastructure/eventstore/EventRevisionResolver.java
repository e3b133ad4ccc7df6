package io.ledgerline.command.infrastructure.eventstore;

import io.ledgerline.events.EventRevision;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;

/**
 * Reads an event's revision from {@link EventRevision}, so that the published language carries
 * its revisions without depending on Axon. Aggregates, whose snapshots go through the same
 * serializer, carry Axon's own {@link Revision}: Axon skips snapshots of another revision than the
 * aggregate's, so a snapshot that lacks state the aggregate now keeps is never loaded.
 */
public class EventRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        if (revision != null) {
            return revision.value();
        }
        Revision snapshotRevision = payloadType.getAnnotation(Revision.class);
        return snapshotRevision == null ? null : snapshotRevision.value();
    }
}
