package io.ledgerline.command.customer.web;

import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/customers", produces = "application/json")
@Tag(name = "Customers", description = "Commands on customers")
public class CustomerCommandController {

    private final CommandGateway commandGateway;
    private final URI queryBaseUrl;

    public CustomerCommandController(CommandGateway commandGateway,
            @Value("${ledgerline.links.query-base-url}") URI queryBaseUrl) {
        this.commandGateway = commandGateway;
        this.queryBaseUrl = queryBaseUrl;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a customer", description = "The Location header points at the customer on the query side.")
    @ApiResponse(responseCode = "201", description = "The customer is registered; version is 0")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or INVALID_REQUEST")
    @ApiResponse(responseCode = "409", description = "DUPLICATE_EMAIL: another customer has this email")
    @ApiResponse(responseCode = "422", description = "INVALID_CUSTOMER_NAME or INVALID_EMAIL")
    public ResponseEntity<CustomerCommandResponse> register(@Valid @RequestBody RegisterCustomerRequest request) {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commandGateway.sendAndWait(new RegisterCustomerCommand(customerId, request.name(), request.email()));
        URI location = queryBaseUrl.resolve("/api/customers/" + customerId);
        return ResponseEntity.created(location).eTag("\"0\"").body(new CustomerCommandResponse(customerId.value(), 0));
    }
}
