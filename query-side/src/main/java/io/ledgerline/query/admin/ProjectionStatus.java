package io.ledgerline.query.admin;

import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * @param name the projection's consumer group
 * @param position events of ledger.events the projection has passed, over all partitions
 * @param lagEvents events published but not projected yet
 * @param lagSeconds how old the newest projected event is while events wait; 0 when caught up, null when unknown
 * @param parkedEvents events parked and not yet retried successfully
 */
@Schema(name = "ProjectionStatus")
public record ProjectionStatus(@Schema(maxLength = 100) String name, boolean running,
        @Schema(minimum = "0", maximum = "9223372036854775807") long position,
        @Schema(minimum = "0", maximum = "9223372036854775807") long lagEvents,
        @Schema(description = "Null when unknown", types = {"integer", "null"}, format = "int64", minimum = "0", maximum = "9223372036854775807") Long lagSeconds,
        @Schema(minimum = "0", maximum = "9223372036854775807") long parkedEvents,
        List<PartitionPosition> partitions) {

    @Schema(name = "PartitionPosition")
    public record PartitionPosition(@Schema(minimum = "0", maximum = "2147483647") int partition,
            @Schema(description = "The partition's start while the group has committed nothing there", minimum = "0",
                    maximum = "9223372036854775807") long committedOffset,
            @Schema(minimum = "0", maximum = "9223372036854775807") long endOffset,
            @Schema(minimum = "0", maximum = "9223372036854775807") long lag) {
    }
}
