package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.ChainBreak;
import io.ledgerline.command.integrity.CheckpointBreak;
import io.ledgerline.command.integrity.VerificationReport;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a verification found, as the API documents it. */
@Schema(name = "LedgerVerification")
public record LedgerVerificationResponse(
        @Schema(description = "The first global index verified", minimum = "0", maximum = "9223372036854775807")
        long fromGlobalIndex,
        @Schema(description = "The last global index verified", minimum = "0", maximum = "9223372036854775807")
        long toGlobalIndex,
        @Schema(description = "The events stored in the range", minimum = "0", maximum = "9223372036854775807")
        long eventsChecked,
        @Schema(description = "True when every chain in the range and every checkpoint overlapping it holds")
        boolean intact,
        @Schema(description = "How many chain breaks were found, listed or not", minimum = "0",
                maximum = "9223372036854775807")
        long breaksFound,
        @ArraySchema(maxItems = 10_000, arraySchema = @Schema(description = "The first chain breaks found (at most "
                + "ledgerline.integrity.max-reported-breaks), by global index"))
        List<Break> breaks,
        @Schema(description = "The signed checkpoints overlapping the range, each checked over its whole range",
                minimum = "0", maximum = "9223372036854775807")
        long checkpointsChecked,
        @Schema(description = "How many checkpoint breaks were found, listed or not", minimum = "0",
                maximum = "9223372036854775807")
        long checkpointBreaksFound,
        @ArraySchema(maxItems = 10_000, arraySchema = @Schema(description = "The first checkpoint breaks found (at "
                + "most ledgerline.integrity.max-reported-breaks), by range"))
        List<CheckpointBreakFound> checkpointBreaks) {

    @Schema(name = "ChainBreak")
    public record Break(
            @Schema(description = "Where it shows: the altered, inserted or moved event; for a missing event, the "
                    + "aggregate's event after the gap", minimum = "0", maximum = "9223372036854775807") long globalIndex,
            @Schema(maxLength = 255) String aggregateId,
            @Schema(description = "The sequence of the event concerned (for MISSING, the missing one)", minimum = "0",
                    maximum = "9223372036854775807") long sequence,
            @Schema(description = "ALTERED: the content no longer gives its hash; MISSING: the event of this sequence "
                    + "is not stored; INSERTED: the event was never chained or copies another's hash; REORDERED: its "
                    + "global index is out of its aggregate's sequence order") ChainBreak.Kind kind) {
    }

    @Schema(name = "CheckpointBreak")
    public record CheckpointBreakFound(
            @Schema(description = "The first global index the checkpoint covers", minimum = "0",
                    maximum = "9223372036854775807") long fromGlobalIndex,
            @Schema(description = "The last global index the checkpoint covers", minimum = "0",
                    maximum = "9223372036854775807") long toGlobalIndex,
            @Schema(description = "CHECKPOINT_SIGNATURE: its fields do not give its hash or the hash does not carry "
                    + "the key's signature; CHECKPOINT_LINK: it does not follow the checkpoint before it (another "
                    + "previous hash, a gap or an overlap); CHECKPOINT_ROOT: the Merkle root of the event hashes "
                    + "stored in its range now is not the signed one") CheckpointBreak.Kind kind) {
    }

    static LedgerVerificationResponse of(VerificationReport report) {
        return new LedgerVerificationResponse(report.fromGlobalIndex(), report.toGlobalIndex(), report.eventsChecked(),
                report.intact(), report.breaksFound(), report.breaks().stream()
                        .map(found -> new Break(found.globalIndex(), found.aggregateId(), found.sequence(), found.kind()))
                        .toList(),
                report.checkpointsChecked(), report.checkpointBreaksFound(), report.checkpointBreaks().stream()
                        .map(found -> new CheckpointBreakFound(found.fromGlobalIndex(), found.toGlobalIndex(),
                                found.kind()))
                        .toList());
    }
}
