package io.ledgerline.peer.account;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final CommandGateway commandGateway;

    AccountController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    record OpenAccountRequest(String currency) {
    }

    record DepositRequest(BigDecimal amount) {
    }

    @PostMapping("/accounts/{accountId}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> open(@PathVariable String accountId, @RequestBody OpenAccountRequest request) {
        commandGateway.sendAndWait(new OpenAccountCommand(accountId, request.currency()));
        return Map.of("accountId", accountId);
    }

    @PostMapping("/accounts/{accountId}/deposits")
    Map<String, String> deposit(@PathVariable String accountId, @RequestBody DepositRequest request) {
        if (request.amount() == null) {
            throw new MissingAmount();
        }
        commandGateway.sendAndWait(new DepositMoneyCommand(accountId, request.amount()));
        return Map.of("accountId", accountId);
    }
}
