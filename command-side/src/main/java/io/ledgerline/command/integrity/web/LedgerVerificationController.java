package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.LedgerVerifier;
import io.ledgerline.command.integrity.VerificationRangeReversed;
import io.ledgerline.command.integrity.VerificationRangeTooLarge;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/admin/ledger-verifications", produces = "application/json")
@Tag(name = "Audit", description = "The event store as the audit log, and time travel")
public class LedgerVerificationController {

    private final LedgerVerifier verifier;

    public LedgerVerificationController(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping
    @Operation(summary = "Verify the stored events against their hash chains and the signed checkpoints",
            description = "Every event stored in the global index range (all of them by default) against its "
                    + "aggregate's SHA-256 chain: each break with its global index, aggregate, sequence and kind; and "
                    + "every signed checkpoint overlapping the range (signature, link to the one before, Merkle root "
                    + "of the stored hashes of its whole range): each break with the checkpoint's range and kind. "
                    + "A range covers at most ledgerline.integrity.max-verification-range global indexes (1,000,000 "
                    + "by default); a larger store is verified in consecutive ranges. For ADMIN and AUDITOR.")
    @ApiResponse(responseCode = "200", description = "The report; intact is false when any chain breaks")
    @RefusedWith({VerificationRangeReversed.CODE, VerificationRangeTooLarge.CODE})
    public LedgerVerificationResponse verify(
            @Parameter(description = "The first global index to verify; the first stored by default", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807"))
            @RequestParam(required = false) Long fromGlobalIndex,
            @Parameter(description = "The last global index to verify; the last stored by default", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807"))
            @RequestParam(required = false) Long toGlobalIndex) {
        if ((fromGlobalIndex != null && fromGlobalIndex < 0) || (toGlobalIndex != null && toGlobalIndex < 0)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "a global index is 0 or more");
        }
        return LedgerVerificationResponse.of(verifier.verify(fromGlobalIndex, toGlobalIndex));
    }
}
