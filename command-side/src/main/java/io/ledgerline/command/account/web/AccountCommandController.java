package io.ledgerline.command.account.web;

import io.ledgerline.command.account.AccountIsClosed;
import io.ledgerline.command.account.BalanceNotZero;
import io.ledgerline.command.account.ChangeOverdraftLimitCommand;
import io.ledgerline.command.account.CloseAccountCommand;
import io.ledgerline.command.account.FreezeAccountCommand;
import io.ledgerline.command.account.InvalidOverdraftLimit;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.account.TransferInFlight;
import io.ledgerline.command.account.UnfreezeAccountCommand;
import io.ledgerline.command.account.UnknownCustomer;
import io.ledgerline.command.account.UnsupportedCurrency;
import io.ledgerline.command.customer.CustomerIsErased;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.web.CommandEndpoints;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.command.web.CurrencyCodes;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@CommandEndpoints
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Commands on accounts")
public class AccountCommandController {

    private final CommandGateway commandGateway;
    private final CommandExecutor executor;
    private final KnownAccounts accounts;
    private final URI queryBaseUrl;

    public AccountCommandController(CommandGateway commandGateway, CommandExecutor executor, KnownAccounts accounts,
            @Value("${ledgerline.links.query-base-url}") URI queryBaseUrl) {
        this.commandGateway = commandGateway;
        this.executor = executor;
        this.accounts = accounts;
        this.queryBaseUrl = queryBaseUrl;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Open an account", description = "The Location header points at the account on the query side.")
    @ApiResponse(responseCode = "201", description = "The account is open; version is 0")
    @RefusedWith({UnknownCustomer.CODE, CustomerIsErased.CODE, UnsupportedCurrency.CODE, InvalidOverdraftLimit.CODE, AmountTooLarge.CODE})
    public ResponseEntity<AccountCommandResponse> open(@Valid @RequestBody OpenAccountRequest request,
            HttpServletRequest http) {
        return executor.execute(http, request, AccountCommandResponse.class, () -> {
            AccountId accountId = AccountId.random();
            commandGateway.sendAndWait(new OpenAccountCommand(accountId, CustomerId.of(request.customerId()),
                    CurrencyCodes.parse(request.currency()), request.overdraftLimit()));
            URI location = queryBaseUrl.resolve("/api/accounts/" + accountId);
            return ResponseEntity.created(location).eTag(IfMatch.etagOf(0))
                    .body(new AccountCommandResponse(accountId.value(), 0));
        });
    }

    @PostMapping("/{accountId}/freeze")
    @Operation(summary = "Freeze an account", description = "A frozen account takes deposits but pays nothing out. "
            + "Freezing a frozen account changes nothing and answers its version.")
    @ApiResponse(responseCode = "200", description = "The account is frozen; ETag carries its version")
    @RefusedWith({AccountIsClosed.CODE})
    public ResponseEntity<AccountCommandResponse> freeze(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            HttpServletRequest http) {
        return send(http, null, accountId, ifMatch, FreezeAccountCommand::new);
    }

    @PostMapping("/{accountId}/unfreeze")
    @Operation(summary = "Unfreeze an account", description = "Unfreezing an open account changes nothing and answers its version.")
    @ApiResponse(responseCode = "200", description = "The account is open; ETag carries its version")
    @RefusedWith({AccountIsClosed.CODE})
    public ResponseEntity<AccountCommandResponse> unfreeze(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            HttpServletRequest http) {
        return send(http, null, accountId, ifMatch, UnfreezeAccountCommand::new);
    }

    @PostMapping("/{accountId}/close")
    @Operation(summary = "Close an account", description = "Only an account with a zero balance and no transfer in flight closes.")
    @ApiResponse(responseCode = "200", description = "The account is closed; ETag carries its version")
    @RefusedWith({AccountIsClosed.CODE, BalanceNotZero.CODE, TransferInFlight.CODE})
    public ResponseEntity<AccountCommandResponse> close(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            HttpServletRequest http) {
        return send(http, null, accountId, ifMatch, CloseAccountCommand::new);
    }

    @PutMapping(path = "/{accountId}/overdraft-limit", consumes = "application/json")
    @Operation(summary = "Set an account's overdraft limit", description = "How far the balance may go below zero "
            + "from now on; an overdrawn account's limit cannot go below what it is overdrawn by.")
    @ApiResponse(responseCode = "200", description = "The limit is set; ETag carries the account's version")
    @RefusedWith({InvalidOverdraftLimit.CODE, AmountTooLarge.CODE, AccountIsClosed.CODE})
    public ResponseEntity<AccountCommandResponse> changeOverdraftLimit(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody OverdraftLimitRequest request, HttpServletRequest http) {
        return send(http, request, accountId, ifMatch,
                (id, expectedVersion) -> new ChangeOverdraftLimitCommand(id, request.limit(), expectedVersion));
    }

    private ResponseEntity<AccountCommandResponse> send(HttpServletRequest http, Object request, String accountId,
            String ifMatch, BiFunction<AccountId, Long, Object> command) {
        AccountId id = accounts.require(accountId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, AccountCommandResponse.class,
                () -> AccountCommandResponse.ok(id, commandGateway.<Long>sendAndWait(command.apply(id, expectedVersion))));
    }
}
