package io.ledgerline.command.audit.web;

import io.ledgerline.command.audit.AccountStateFold;
import io.ledgerline.command.audit.AggregateHistory;
import io.ledgerline.command.audit.AggregateKind;
import io.ledgerline.command.audit.NotYetExisting;
import io.ledgerline.command.audit.VersionNotReached;
import io.ledgerline.command.web.RefusedWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/audit/accounts/{accountId}", produces = "application/json")
@Tag(name = "Audit", description = "The event store as the audit log, and time travel")
public class AccountAuditController {

    private final AggregateHistory history;
    private final AccountStateFold fold = new AccountStateFold();

    public AccountAuditController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/events")
    @Operation(summary = "The account's full history, oldest first",
            description = "Every stored event with its sequence, type, revision, timestamp, payload upcast to the "
                    + "current revision, and metadata (user, correlationId, causationId and the rest).")
    @ApiResponse(responseCode = "200", description = "One page of the history")
    public EventPageResponse events(@PathVariable String accountId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", format = "int32", minimum = "0",
                    maximum = "2147483647", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Events per page", schema = @Schema(type = "integer", format = "int32", minimum = "1",
                    maximum = "" + AuditParameters.MAX_PAGE_SIZE, defaultValue = "50"))
            @RequestParam(defaultValue = "50") int size) {
        AuditParameters.requirePaging(page, size);
        return EventPageResponse.of(history.page(AggregateKind.ACCOUNT, accountId, page, size));
    }

    @GetMapping("/state")
    @Operation(summary = "The account as it was at a version or an instant",
            description = "Balance, available balance (balance plus overdraft limit), overdraft limit, status, currency, version and the time of its last event. Replayed from its events up to that point, never from a snapshot.")
    @ApiResponse(responseCode = "200", description = "The state after the last event up to that point")
    @RefusedWith({NotYetExisting.CODE, VersionNotReached.CODE})
    public AccountStateResponse state(@PathVariable String accountId,
            @Parameter(description = "An ISO-8601 instant, e.g. 2026-03-01T12:00:00Z; events at that instant count. "
                    + "Exactly one of asOf and version", schema = @Schema(type = "string", format = "date-time", maxLength = 64))
            @RequestParam(required = false) String asOf,
            @Parameter(description = "A version: the sequence number of the account's event, from 0", schema = @Schema(
                    type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807"))
            @RequestParam(required = false) Long version) {
        return AccountStateResponse.of(
                history.stateAt(AggregateKind.ACCOUNT, accountId, AuditParameters.point(asOf, version), fold));
    }
}
