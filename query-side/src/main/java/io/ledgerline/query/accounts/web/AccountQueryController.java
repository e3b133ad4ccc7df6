package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Accounts as projected from the ledger's events")
public class AccountQueryController {

    private final AccountViewRepository accounts;

    public AccountQueryController(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "Read one account")
    @ApiResponse(responseCode = "200", description = "The account; the ETag is its version")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such account has been projected")
    public ResponseEntity<AccountResponse> account(@PathVariable String accountId) {
        AccountResponse account = accounts.findById(accountId).map(AccountResponse::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                        "No account " + accountId + " is known to the query side"));
        return ResponseEntity.ok().eTag("\"" + account.version() + "\"").body(account);
    }
}
