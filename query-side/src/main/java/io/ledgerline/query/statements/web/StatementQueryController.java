package io.ledgerline.query.statements.web;

import io.ledgerline.query.accounts.VisibleAccounts;
import io.ledgerline.query.statements.StatementLineReader;
import io.ledgerline.query.web.PageResponse;
import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.QueryInstants;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// the statement is read under its account's path and documented with it, so it keeps the accounts' tag
@RestController
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Accounts and their statements as projected from the ledger's events")
public class StatementQueryController {

    private final StatementLineReader statements;
    private final VisibleAccounts visibleAccounts;

    StatementQueryController(StatementLineReader statements, VisibleAccounts visibleAccounts) {
        this.statements = statements;
        this.visibleAccounts = visibleAccounts;
    }

    @GetMapping("/{accountId}/transactions")
    @Operation(summary = "The account's statement, newest first",
            description = "Lines are ordered by their place in the account's history, so paging is stable.")
    @RefusedWith(ErrorCodes.NOT_FOUND)
    public PageResponse<StatementLineResponse> transactions(@PathVariable String accountId,
            @Parameter(description = "From this instant, inclusive (ISO-8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "Until this instant, exclusive (ISO-8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "1 to 100; page and size reach at most 10,000 lines deep")
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_PAGE_SIZE) int size) {
        Paging.offset(page, size);
        QueryInstants.within("from", from);
        QueryInstants.within("to", to);
        visibleAccounts.require(accountId);
        return new PageResponse<>(statements.page(accountId, from, to, page, size).stream()
                .map(StatementLineResponse::of).toList(), page, size, statements.count(accountId, from, to));
    }
}
