package io.ledgerline.command.integrity.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of the ledger verifications, newest first. */
@Schema(name = "LedgerVerificationPage")
public record LedgerVerificationPageResponse(
        @Schema(minimum = "0", maximum = "2147483647") int page,
        @Schema(minimum = "1", maximum = "" + LedgerVerificationController.MAX_PAGE_SIZE) int size,
        @Schema(description = "Verifications recorded in all", minimum = "0", maximum = "9223372036854775807")
        long totalVerifications,
        @ArraySchema(maxItems = LedgerVerificationController.MAX_PAGE_SIZE)
        List<LedgerVerificationJobResponse> verifications) {
}
