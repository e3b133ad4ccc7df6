package io.ledgerline.query.graphql;

import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.customers.CustomerView;
import io.ledgerline.query.customers.CustomerViews;
import io.ledgerline.query.security.ReadAccess;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Customers; a customer reads only themselves, any other is as unknown as one never registered. */
@Controller
class CustomerGraphQlController {

    private final CustomerViews customers;
    private final ReadYourWrites readYourWrites;

    CustomerGraphQlController(CustomerViews customers, ReadYourWrites readYourWrites) {
        this.customers = customers;
        this.readYourWrites = readYourWrites;
    }

    @QueryMapping
    CustomerView customer(@Argument String id) {
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        // without a version to wait for, the answer is complete already: REST's reading and refusals, unchanged
        return readYourWrites.read("customer", id, null, () -> java.util.OptionalLong.empty(),
                () -> customers.find(id).filter(found -> ReadAccess.visible(onlyCustomer, found.customerId())),
                CustomerView::version).join().getBody();
    }

    @SchemaMapping(typeName = "Customer", field = "id")
    String id(CustomerView customer) {
        return customer.customerId();
    }
}
