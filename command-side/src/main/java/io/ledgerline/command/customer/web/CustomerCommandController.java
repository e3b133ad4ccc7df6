package io.ledgerline.command.customer.web;

import io.ledgerline.command.customer.ChangeCustomerDetailsCommand;
import io.ledgerline.command.customer.CustomerDirectory;
import io.ledgerline.command.customer.CustomerIsErased;
import io.ledgerline.command.customer.CustomerStanding;
import io.ledgerline.command.customer.DuplicateEmail;
import io.ledgerline.command.customer.EraseCustomerCommand;
import io.ledgerline.command.customer.InvalidCustomerName;
import io.ledgerline.command.customer.InvalidEmail;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.command.web.CommandEndpoints;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.command.web.IfMatch;
import io.ledgerline.command.web.RefusedWith;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.CustomerId;
import io.ledgerline.support.text.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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
@RequestMapping(path = "/api/customers", produces = "application/json")
@Tag(name = "Customers", description = "Commands on customers")
public class CustomerCommandController {

    private final CommandGateway commandGateway;
    private final CommandExecutor executor;
    private final CustomerDirectory customers;
    private final URI queryBaseUrl;

    public CustomerCommandController(CommandGateway commandGateway, CommandExecutor executor,
            CustomerDirectory customers, @Value("${ledgerline.links.query-base-url}") URI queryBaseUrl) {
        this.commandGateway = commandGateway;
        this.executor = executor;
        this.customers = customers;
        this.queryBaseUrl = queryBaseUrl;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a customer", description = "The Location header points at the customer on the query side.")
    @ApiResponse(responseCode = "201", description = "The customer is registered; version is 0")
    @RefusedWith({DuplicateEmail.CODE, InvalidCustomerName.CODE, InvalidEmail.CODE})
    public ResponseEntity<CustomerCommandResponse> register(@Valid @RequestBody RegisterCustomerRequest request,
            HttpServletRequest http) {
        return executor.execute(http, request, CustomerCommandResponse.class, () -> {
            CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
            commandGateway.sendAndWait(new RegisterCustomerCommand(customerId, request.name(), request.email()));
            URI location = queryBaseUrl.resolve("/api/customers/" + customerId);
            return ResponseEntity.created(location).eTag(IfMatch.etagOf(0))
                    .body(new CustomerCommandResponse(customerId.value(), 0));
        });
    }

    @PutMapping(path = "/{customerId}", consumes = "application/json")
    @Operation(summary = "Change a customer's name and email address", description = "Both are given, and sealed "
            + "under the customer's key like at registration; the email address must not belong to another customer.")
    @ApiResponse(responseCode = "200", description = "The details are changed; ETag carries the customer's version")
    @RefusedWith({DuplicateEmail.CODE, InvalidCustomerName.CODE, InvalidEmail.CODE, CustomerIsErased.CODE})
    public ResponseEntity<CustomerCommandResponse> changeDetails(@PathVariable String customerId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody CustomerDetailsRequest request, HttpServletRequest http) {
        CustomerId id = known(customerId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, request, CustomerCommandResponse.class, () -> CustomerCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new ChangeCustomerDetailsCommand(id, request.name(), request.email(),
                        expectedVersion))));
    }

    @PostMapping("/{customerId}/erasure")
    @Operation(summary = "Erase a customer's personal data",
            description = "Deletes the customer's key: name and email, sealed under it in every event, can no "
                    + "longer be read anywhere; read models mask them and the email address is freed. The events "
                    + "and the customer's accounts stay.")
    @ApiResponse(responseCode = "200", description = "The customer is erased; ETag carries the customer's version")
    @RefusedWith({CustomerIsErased.CODE})
    public ResponseEntity<CustomerCommandResponse> erase(@PathVariable String customerId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            HttpServletRequest http) {
        CustomerId id = known(customerId);
        Long expectedVersion = IfMatch.expectedVersion(ifMatch);
        return executor.execute(http, null, CustomerCommandResponse.class, () -> CustomerCommandResponse.ok(id,
                commandGateway.<Long>sendAndWait(new EraseCustomerCommand(id, expectedVersion))));
    }

    /** The event store would load any aggregate under an id; ids of other kinds are unknown customers. */
    private CustomerId known(String customerId) {
        if (!TextRules.isWellFormedId(customerId)) {
            throw new UnknownResource("customer", customerId);
        }
        CustomerId id = CustomerId.of(customerId);
        if (customers.standingOf(id) == CustomerStanding.UNKNOWN) {
            throw new UnknownResource("customer", customerId);
        }
        return id;
    }
}
