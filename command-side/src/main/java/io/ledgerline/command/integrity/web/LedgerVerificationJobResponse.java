package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.VerificationJob;
import io.ledgerline.command.integrity.VerificationJobState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A ledger verification's state and progress as the API shows it, with its report once it has completed. */
@Schema(name = "LedgerVerificationJob")
public record LedgerVerificationJobResponse(
        @Schema(description = "Names the verification at GET /api/admin/ledger-verifications/{id}", format = "uuid",
                maxLength = 36) String id,
        @Schema(description = "RUNNING: a node verifies the range; COMPLETED: the report says what was found; FAILED: "
                + "the range could not be read to its end (error says why), nothing was concluded; ABANDONED: the "
                + "node running it stopped before it ended, start another") VerificationJobState state,
        @Schema(description = "The first global index verified", minimum = "0", maximum = "9223372036854775807")
        long fromGlobalIndex,
        @Schema(description = "The last global index verified: the last stored when it started unless asked",
                minimum = "0", maximum = "9223372036854775807") long toGlobalIndex,
        @Schema(description = "The events read so far; once COMPLETED, all stored in the range", minimum = "0",
                maximum = "9223372036854775807") long eventsChecked,
        @Schema(description = "The fraction of the range read, from 0 to 1; 1 once COMPLETED", minimum = "0",
                maximum = "1") double progress,
        @Schema(description = "The subject of the token that started it", maxLength = 255) String startedBy,
        Instant startedAt,
        @Schema(description = "Null while it runs and when it was abandoned", types = {"string", "null"},
                format = "date-time", maxLength = 40) Instant finishedAt,
        @Schema(description = "Why it FAILED; null otherwise", types = {"string", "null"}, maxLength = 4000)
        String error,
        @Schema(description = "What it found, once COMPLETED; null before", types = {"object", "null"})
        LedgerVerificationResponse report) {

    static LedgerVerificationJobResponse of(VerificationJob job) {
        return new LedgerVerificationJobResponse(job.id(), job.state(), job.fromGlobalIndex(), job.toGlobalIndex(),
                job.eventsChecked(), job.progress(), job.startedBy(), job.startedAt(), job.finishedAt(), job.error(),
                job.report() == null ? null : LedgerVerificationResponse.of(job.report()));
    }
}
