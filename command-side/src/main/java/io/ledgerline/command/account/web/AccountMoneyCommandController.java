package io.ledgerline.command.account.web;

import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.WithdrawMoneyCommand;
import io.ledgerline.command.web.CommandEndpoints;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.command.web.CurrencyCodes;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.events.AccountId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@CommandEndpoints
@RequestMapping(path = "/api/accounts/{accountId}", produces = "application/json")
@Tag(name = "Accounts", description = "Commands on accounts")
public class AccountMoneyCommandController {

    private final CommandGateway commandGateway;
    private final CommandExecutor executor;
    private final KnownAccounts accounts;

    public AccountMoneyCommandController(CommandGateway commandGateway, CommandExecutor executor, KnownAccounts accounts) {
        this.commandGateway = commandGateway;
        this.executor = executor;
        this.accounts = accounts;
    }

    @PostMapping(path = "/deposits", consumes = "application/json")
    @Operation(summary = "Pay money into an account", description = "Also into a frozen account.")
    @ApiResponse(responseCode = "200", description = "The money is booked; ETag carries the account's new version")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, INVALID_REQUEST or INVALID_IDEMPOTENCY_KEY")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "VERSION_CONFLICT, CONFLICT or IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @ApiResponse(responseCode = "422", description = "INVALID_AMOUNT, AMOUNT_TOO_LARGE, CURRENCY_MISMATCH, INVALID_DESCRIPTION, "
            + "INVALID_REFERENCE or ACCOUNT_CLOSED")
    public ResponseEntity<AccountCommandResponse> deposit(@PathVariable String accountId,
            @Parameter(description = "The version last read, e.g. \"3\"") @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody DepositRequest request, HttpServletRequest http) {
        AccountId id = accounts.require(accountId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, AccountCommandResponse.class, () -> AccountCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new DepositMoneyCommand(id, request.amount(),
                        CurrencyCodes.parse(request.currency()), request.description(), request.reference(),
                        expectedVersion))));
    }

    @PostMapping(path = "/withdrawals", consumes = "application/json")
    @Operation(summary = "Pay money out of an account", description = "Up to the balance plus the overdraft limit.")
    @ApiResponse(responseCode = "200", description = "The money is booked; ETag carries the account's new version")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, INVALID_REQUEST or INVALID_IDEMPOTENCY_KEY")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "VERSION_CONFLICT, CONFLICT or IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @ApiResponse(responseCode = "422", description = "INSUFFICIENT_FUNDS, INVALID_AMOUNT, AMOUNT_TOO_LARGE, CURRENCY_MISMATCH, "
            + "INVALID_DESCRIPTION, ACCOUNT_FROZEN or ACCOUNT_CLOSED")
    public ResponseEntity<AccountCommandResponse> withdraw(@PathVariable String accountId,
            @Parameter(description = "The version last read, e.g. \"3\"") @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody WithdrawalRequest request, HttpServletRequest http) {
        AccountId id = accounts.require(accountId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, AccountCommandResponse.class, () -> AccountCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new WithdrawMoneyCommand(id, request.amount(),
                        CurrencyCodes.parse(request.currency()), request.description(), expectedVersion))));
    }
}
