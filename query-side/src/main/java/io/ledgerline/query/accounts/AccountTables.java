package io.ledgerline.query.accounts;

import io.ledgerline.query.projection.SqlTables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The accounts read model's table, rebuilt with the other SQL read models. */
@Component
class AccountTables implements SqlTables {

    @Override
    public List<String> names() {
        return List.of("account_view");
    }
}
