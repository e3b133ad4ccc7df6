package io.ledgerline.command.account.web;

import io.ledgerline.command.account.AccountIsClosed;
import io.ledgerline.command.account.AccountIsFrozen;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.InsufficientFunds;
import io.ledgerline.command.account.InvalidDescription;
import io.ledgerline.command.account.InvalidExternalReference;
import io.ledgerline.command.account.InvalidReference;
import io.ledgerline.command.account.WithdrawMoneyCommand;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.web.CommandEndpoints;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.command.web.CurrencyCodes;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
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
    private final AccountOwners owners;

    public AccountMoneyCommandController(CommandGateway commandGateway, CommandExecutor executor, KnownAccounts accounts,
            AccountOwners owners) {
        this.commandGateway = commandGateway;
        this.executor = executor;
        this.accounts = accounts;
        this.owners = owners;
    }

    @PostMapping(path = "/deposits", consumes = "application/json")
    @Operation(summary = "Pay money into an account", description = "Also into a frozen account. Booked by a teller "
            + "or the payment system (TELLER, PAYMENTS): money entering the ledger from outside it.")
    @ApiResponse(responseCode = "200", description = "The money is booked; ETag carries the account's new version")
    @RefusedWith({InvalidAmount.CODE, AmountTooLarge.CODE, CurrencyMismatch.CODE, InvalidDescription.CODE, InvalidReference.CODE, InvalidExternalReference.CODE, AccountIsClosed.CODE})
    public ResponseEntity<AccountCommandResponse> deposit(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody DepositRequest request, HttpServletRequest http) {
        AccountId id = bookable(accountId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, AccountCommandResponse.class, () -> ownerOf(id), () -> AccountCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new DepositMoneyCommand(id, request.amount(),
                        CurrencyCodes.parse(request.currency()), request.description(), request.reference(),
                        request.externalReference(), expectedVersion))));
    }

    @PostMapping(path = "/withdrawals", consumes = "application/json")
    @Operation(summary = "Pay money out of an account", description = "Up to the balance plus the overdraft limit. "
            + "Booked by a teller or the payment system (TELLER, PAYMENTS): money leaving the ledger.")
    @ApiResponse(responseCode = "200", description = "The money is booked; ETag carries the account's new version")
    @RefusedWith({InsufficientFunds.CODE, InvalidAmount.CODE, AmountTooLarge.CODE, CurrencyMismatch.CODE, InvalidDescription.CODE, InvalidExternalReference.CODE, AccountIsFrozen.CODE, AccountIsClosed.CODE})
    public ResponseEntity<AccountCommandResponse> withdraw(@PathVariable String accountId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody WithdrawalRequest request, HttpServletRequest http) {
        AccountId id = bookable(accountId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, AccountCommandResponse.class, () -> ownerOf(id), () -> AccountCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new WithdrawMoneyCommand(id, request.amount(),
                        CurrencyCodes.parse(request.currency()), request.description(), request.externalReference(),
                        expectedVersion))));
    }

    /** The text of a booking is its account owner's personal data. */
    private String ownerOf(AccountId id) {
        return owners.ownerOf(id).map(CustomerId::value).orElse(null);
    }

    /**
     * A deposit or withdrawal is money crossing the ledger's boundary, which only a teller or the payment
     * system books; a customer moves money by transfer. The account is resolved first, so that another
     * customer's account answers 404 like an unknown one and only the caller's own answers 403.
     */
    private AccountId bookable(String accountId) {
        AccountId id = accounts.require(accountId);
        Caller caller = Caller.required();
        if (!caller.hasRole(Roles.TELLER) && !caller.hasRole(Roles.PAYMENTS)) {
            throw new BookingNotAllowed();
        }
        return id;
    }
}
