package io.ledgerline.query.customers.web;

import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.customers.CustomerView;
import io.ledgerline.query.customers.CustomerViews;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/customers", produces = "application/json")
@Tag(name = "Customers", description = "Customers as projected from the ledger's events")
public class CustomerQueryController {

    private final CustomerViews customers;
    private final ReadYourWrites readYourWrites;

    CustomerQueryController(CustomerViews customers, ReadYourWrites readYourWrites) {
        this.customers = customers;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Read one customer",
            description = "With minVersion, waits (5 s by default) until the read model holds at least that version. "
                    + "A customer reads only themselves; any other customer is as unknown as one never registered.")
    @ApiResponse(responseCode = "200", description = "The customer")
    @RefusedWith({ErrorCodes.NOT_FOUND, QueryErrors.VERSION_NOT_YET_PROJECTED, QueryErrors.TOO_MANY_WAITS})
    public CompletableFuture<ResponseEntity<CustomerView>> customer(@PathVariable String customerId,
            @Parameter(description = "The least version to answer with") @RequestParam(required = false) Long minVersion) {
        // another customer is as unknown to a customer as one never registered: it waits and answers the same
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        Supplier<Optional<CustomerView>> visible = () -> customers.find(customerId)
                .filter(found -> ReadAccess.visible(onlyCustomer, found.customerId()));
        return readYourWrites.read("customer", customerId, minVersion,
                () -> visible.get().map(found -> java.util.OptionalLong.of(found.version()))
                        .orElse(java.util.OptionalLong.empty()),
                visible, CustomerView::version);
    }
}
