package io.ledgerline.query.customers;

import io.ledgerline.query.projection.SqlTables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The customers read model's table, rebuilt with the other SQL read models. */
@Component
class CustomerTables implements SqlTables {

    @Override
    public List<String> names() {
        return List.of("customer_view");
    }
}
