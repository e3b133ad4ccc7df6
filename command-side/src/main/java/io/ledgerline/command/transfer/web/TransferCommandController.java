package io.ledgerline.command.transfer.web;

import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.account.InvalidReference;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.transfer.RequestTransferCommand;
import io.ledgerline.command.transfer.SameAccountTransfer;
import io.ledgerline.command.transfer.TransferIdReused;
import io.ledgerline.command.transfer.UnknownAccount;
import io.ledgerline.command.web.CommandEndpoints;
import io.ledgerline.command.web.CommandErrors;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.command.web.CurrencyCodes;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferId;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@CommandEndpoints
@RequestMapping(path = "/api/transfers", produces = "application/json")
@Tag(name = "Transfers", description = "Moving money between accounts")
public class TransferCommandController {

    private final CommandGateway commandGateway;
    private final CommandExecutor executor;
    private final AccountOwners owners;
    private final URI queryBaseUrl;

    public TransferCommandController(CommandGateway commandGateway, CommandExecutor executor, AccountOwners owners,
            @Value("${ledgerline.links.query-base-url}") URI queryBaseUrl) {
        this.commandGateway = commandGateway;
        this.executor = executor;
        this.owners = owners;
        this.queryBaseUrl = queryBaseUrl;
    }

    /**
     * A customer pays only from their own accounts, to any account. Another customer's source
     * account is refused exactly as an unknown one is (422 UNKNOWN_ACCOUNT), so none leaks.
     */
    private void requireOwnSourceAccount(TransferRequest request) {
        Optional<String> customer = Caller.required().onlyCustomer(Roles.TELLER);
        if (customer.isEmpty()) {
            return;
        }
        AccountId from = AccountId.of(request.fromAccountId());
        if (!owners.ownerOf(from).map(CustomerId::value).equals(customer)) {
            throw new UnknownAccount(from);
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Request a transfer",
            description = "Accepted once the transfer is recorded; the money moves afterwards. The Location header "
                    + "points at the transfer on the query side, where it ends COMPLETED or FAILED with a reason code. "
                    + "Repeating a request with the same transferId and the same details (accounts, amount, description and "
                    + "reference) moves the money once.")
    @ApiResponse(responseCode = "202", description = "The transfer is recorded and under way")
    @RefusedWith({TransferIdReused.CODE, CommandErrors.ID_IN_USE, UnknownAccount.CODE, SameAccountTransfer.CODE, CurrencyMismatch.CODE, InvalidAmount.CODE, AmountTooLarge.CODE, InvalidReference.CODE})
    public ResponseEntity<TransferAccepted> request(@Valid @RequestBody TransferRequest request, HttpServletRequest http) {
        requireOwnSourceAccount(request);
        // the text of a transfer is the payer's personal data
        return executor.execute(http, request, TransferAccepted.class,
                () -> owners.ownerOf(AccountId.of(request.fromAccountId())).map(CustomerId::value).orElse(null), () -> {
            TransferId transferId = request.transferId() == null ? TransferId.random() : TransferId.of(request.transferId());
            RequestTransferCommand command = new RequestTransferCommand(transferId, AccountId.of(request.fromAccountId()),
                    AccountId.of(request.toAccountId()), request.amount(), CurrencyCodes.parse(request.currency()),
                    request.description(), request.reference());
            commandGateway.sendAndWait(command);
            return ResponseEntity.accepted().location(queryBaseUrl.resolve("/api/transfers/" + transferId))
                    .body(new TransferAccepted(transferId.value()));
        });
    }
}
