package io.ledgerline.command.account.web;

import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Currency;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Commands on accounts")
public class AccountCommandController {

    private final CommandGateway commandGateway;
    private final URI queryBaseUrl;

    public AccountCommandController(CommandGateway commandGateway,
            @Value("${ledgerline.links.query-base-url}") URI queryBaseUrl) {
        this.commandGateway = commandGateway;
        this.queryBaseUrl = queryBaseUrl;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Open an account", description = "The Location header points at the account on the query side.")
    @ApiResponse(responseCode = "201", description = "The account is open; version is 0")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or INVALID_REQUEST")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_AGGREGATE")
    @ApiResponse(responseCode = "422", description = "UNSUPPORTED_CURRENCY or INVALID_OVERDRAFT_LIMIT")
    public ResponseEntity<AccountCommandResponse> open(@Valid @RequestBody OpenAccountRequest request) {
        AccountId accountId = AccountId.random();
        commandGateway.sendAndWait(new OpenAccountCommand(accountId, CustomerId.of(request.customerId()),
                currency(request.currency()), request.overdraftLimit()));
        URI location = queryBaseUrl.resolve("/api/accounts/" + accountId);
        return ResponseEntity.created(location).eTag("\"0\"").body(new AccountCommandResponse(accountId.value(), 0));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "'" + code + "' is not an ISO-4217 currency code");
        }
    }
}
