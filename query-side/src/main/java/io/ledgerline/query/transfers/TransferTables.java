package io.ledgerline.query.transfers;

import io.ledgerline.query.projection.SqlTables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The transfers read model's table, rebuilt with the other SQL read models. */
@Component
class TransferTables implements SqlTables {

    @Override
    public List<String> names() {
        return List.of("transfer_view");
    }
}
