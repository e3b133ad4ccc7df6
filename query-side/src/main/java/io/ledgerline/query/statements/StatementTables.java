package io.ledgerline.query.statements;

import io.ledgerline.query.projection.SqlTables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The statements' SQL table, rebuilt with the other SQL read models. */
@Component
class StatementTables implements SqlTables {

    @Override
    public List<String> names() {
        return List.of("statement_line");
    }
}
