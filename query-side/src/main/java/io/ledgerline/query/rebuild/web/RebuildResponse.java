package io.ledgerline.query.rebuild.web;

import io.ledgerline.query.rebuild.Rebuild;
import io.ledgerline.query.rebuild.RebuildState;
import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A rebuild's progress as the admin API shows it; the rate and ETA are computed from the recorded progress. */
@Schema(name = "RebuildResponse")
public record RebuildResponse(@Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String id,
        @Schema(description = "The projection's consumer group", maxLength = 100) String projection,
        RebuildState state,
        @Schema(description = "What the rebuild builds: the new version's table suffix or index names", maxLength = 1000)
        String target,
        @Schema(minimum = "0", maximum = "9223372036854775807") long eventsDone,
        @Schema(minimum = "0", maximum = "9223372036854775807") long eventsTotal,
        @Schema(minimum = "0", maximum = "9223372036854775807") long eventsPerSecond,
        @Schema(description = "Null when it cannot be estimated yet", types = {"integer", "null"}, format = "int64",
                minimum = "0", maximum = "9223372036854775807") Long etaSeconds,
        Instant startedAt,
        Instant updatedAt,
        @Schema(description = "Null while it runs", types = {"string", "null"}, format = "date-time", maxLength = 40)
        Instant finishedAt,
        @Schema(description = "The last error; null when none happened", types = {"string", "null"},
                maxLength = MAX_ERROR_LENGTH) String error) {

    /** As the rebuilds' table keeps an error: cut to this length. */
    static final int MAX_ERROR_LENGTH = 4000;


    static RebuildResponse of(Rebuild rebuild) {
        return new RebuildResponse(rebuild.id(), rebuild.projection(), rebuild.state(), rebuild.target(),
                rebuild.eventsDone(), rebuild.eventsTotal(), Math.round(rebuild.eventsPerSecond()),
                rebuild.etaSeconds().orElse(null), rebuild.startedAt(), rebuild.updatedAt(), rebuild.finishedAt(),
                rebuild.error());
    }
}
