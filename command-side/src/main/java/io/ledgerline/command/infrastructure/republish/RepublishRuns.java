package io.ledgerline.command.infrastructure.republish;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The republications this node ran, of which at most one is running. */
class RepublishRuns {

    private final Map<String, RepublishRun> runs = new ConcurrentHashMap<>();
    private RepublishRun current;

    /** @throws RepublishAlreadyRunning when the last one begun has not finished */
    synchronized RepublishRun begin(long fromPosition, long headPosition) {
        if (current != null && current.isRunning()) {
            throw new RepublishAlreadyRunning(current.id());
        }
        RepublishRun run = new RepublishRun(UUID.randomUUID().toString(), fromPosition, headPosition);
        runs.put(run.id(), run);
        current = run;
        return run;
    }

    Optional<RepublishRun> find(String republishId) {
        return Optional.ofNullable(runs.get(republishId));
    }
}
