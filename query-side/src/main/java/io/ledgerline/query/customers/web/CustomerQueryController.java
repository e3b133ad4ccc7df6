package io.ledgerline.query.customers.web;

import io.ledgerline.query.customers.CustomerView;
import io.ledgerline.query.customers.CustomerViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ledgerline.query.consistency.ReadYourWrites;
import java.util.concurrent.CompletableFuture;
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
    @Operation(summary = "Read one customer")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "VERSION_NOT_YET_PROJECTED")
    public CompletableFuture<ResponseEntity<CustomerView>> customer(@PathVariable String customerId,
            @RequestParam(required = false) Long minVersion) {
        return readYourWrites.read("customer", customerId, minVersion,
                () -> customers.find(customerId).map(found -> java.util.OptionalLong.of(found.version()))
                        .orElse(java.util.OptionalLong.empty()),
                () -> customers.find(customerId), CustomerView::version);
    }
}
