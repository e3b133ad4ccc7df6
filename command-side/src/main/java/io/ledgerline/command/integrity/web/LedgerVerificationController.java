package io.ledgerline.command.integrity.web;

import io.ledgerline.command.integrity.LedgerVerifications;
import io.ledgerline.command.integrity.VerificationAlreadyRunning;
import io.ledgerline.command.integrity.VerificationJob;
import io.ledgerline.command.integrity.VerificationRangeReversed;
import io.ledgerline.command.integrity.VerificationRangeTooLarge;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/admin/ledger-verifications", produces = "application/json")
@Tag(name = "Audit", description = "The event store as the audit log, and time travel")
public class LedgerVerificationController {

    static final int MAX_PAGE_SIZE = 20;
    private static final int MAX_SUBJECT_LENGTH = 255;
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final LedgerVerifications verifications;

    public LedgerVerificationController(LedgerVerifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping
    @Operation(summary = "Start verifying the stored events against their hash chains and the signed checkpoints",
            description = "In the background, every event stored in the global index range (all of them by default) "
                    + "against its aggregate's SHA-256 chain: each break with its global index, aggregate, sequence and "
                    + "kind; and every signed checkpoint overlapping the range (signature, link to the one before, "
                    + "Merkle root of the stored hashes of its whole range): each break with the checkpoint's range and "
                    + "kind. A range covers at most ledgerline.integrity.max-verification-range global indexes "
                    + "(1,000,000 by default); a larger store is verified in consecutive ranges. At most "
                    + "ledgerline.integrity.verification-jobs.max-running verifications (1 by default) run at once in "
                    + "the whole cluster. The Location header names the verification; any command node answers for "
                    + "it. For ADMIN and AUDITOR.")
    @ApiResponse(responseCode = "202", description = "Started; follow it at the Location")
    @RefusedWith({VerificationRangeReversed.CODE, VerificationRangeTooLarge.CODE, VerificationAlreadyRunning.CODE})
    public ResponseEntity<LedgerVerificationJobResponse> verify(
            @Parameter(description = "The first global index to verify; the first stored by default", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807"))
            @RequestParam(required = false) Long fromGlobalIndex,
            @Parameter(description = "The last global index to verify; the last stored when it starts by default",
                    schema = @Schema(type = "integer", format = "int64", minimum = "0",
                            maximum = "9223372036854775807"))
            @RequestParam(required = false) Long toGlobalIndex) {
        if ((fromGlobalIndex != null && fromGlobalIndex < 0) || (toGlobalIndex != null && toGlobalIndex < 0)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "a global index is 0 or more");
        }
        VerificationJob started = verifications.start(fromGlobalIndex, toGlobalIndex, startedBy());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                        .path("/{id}").buildAndExpand(started.id()).toUri())
                .body(LedgerVerificationJobResponse.of(started));
    }

    @GetMapping("/{verificationId}")
    @Operation(summary = "A ledger verification's state and progress, and its report once it has completed",
            description = "RUNNING, COMPLETED, FAILED or ABANDONED (its node stopped beating: it died or was stopped), "
                    + "the events checked so far and the fraction of the range read. For ADMIN and AUDITOR.")
    @ApiResponse(responseCode = "200", description = "The verification")
    public LedgerVerificationJobResponse verification(@PathVariable String verificationId) {
        // ids are UUIDs: another id names no verification, and is not looked up
        if (!UUID.matcher(verificationId).matches()) {
            throw new UnknownResource("ledger verification", "of that form");
        }
        return verifications.find(verificationId).map(LedgerVerificationJobResponse::of)
                .orElseThrow(() -> new UnknownResource("ledger verification", verificationId));
    }

    @GetMapping
    @Operation(summary = "The ledger verifications, newest first",
            description = "Each with its state, progress and, once COMPLETED, its report. For ADMIN and AUDITOR.")
    @ApiResponse(responseCode = "200", description = "One page of the verifications")
    public LedgerVerificationPageResponse verifications(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "2147483647", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Verifications per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "10"))
            @RequestParam(defaultValue = "10") int size) {
        if (page < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new LedgerVerificationPageResponse(page, size, verifications.count(),
                verifications.page((long) page * size, size).stream().map(LedgerVerificationJobResponse::of).toList());
    }

    private static String startedBy() {
        String subject = Caller.current().map(Caller::subject).orElse("unknown");
        return subject.length() > MAX_SUBJECT_LENGTH ? subject.substring(0, MAX_SUBJECT_LENGTH) : subject;
    }
}
