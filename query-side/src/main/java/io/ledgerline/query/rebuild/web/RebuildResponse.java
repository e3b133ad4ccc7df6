package io.ledgerline.query.rebuild.web;

import io.ledgerline.query.rebuild.Rebuild;
import io.ledgerline.query.rebuild.RebuildState;
import java.time.Instant;

/** A rebuild's progress as the admin API shows it; the rate and ETA are computed from the recorded progress. */
public record RebuildResponse(String id, String projection, RebuildState state, String target, long eventsDone,
        long eventsTotal, long eventsPerSecond, Long etaSeconds, Instant startedAt, Instant updatedAt,
        Instant finishedAt, String error) {

    static RebuildResponse of(Rebuild rebuild) {
        return new RebuildResponse(rebuild.id(), rebuild.projection(), rebuild.state(), rebuild.target(),
                rebuild.eventsDone(), rebuild.eventsTotal(), Math.round(rebuild.eventsPerSecond()),
                rebuild.etaSeconds().orElse(null), rebuild.startedAt(), rebuild.updatedAt(), rebuild.finishedAt(),
                rebuild.error());
    }
}
