package io.ledgerline.query.statements;

import io.ledgerline.query.accounts.IndexedOwnerNames;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Names the counterparty of the transfer lines a search answers, from the owner's name that the
 * accounts index keeps for each account: read when answered, so that the counterparty's erasure, or
 * a change of name, shows on every line without rewriting one, as on the SQL statement.
 */
@Component
public class SearchCounterpartyNames {

    private final IndexedOwnerNames owners;

    SearchCounterpartyNames(IndexedOwnerNames owners) {
        this.owners = owners;
    }

    public List<StatementLine> named(List<StatementLine> lines) throws IOException {
        Set<String> counterparties = new LinkedHashSet<>();
        lines.stream().map(StatementLine::counterpartyAccountId).filter(Objects::nonNull).forEach(counterparties::add);
        if (counterparties.isEmpty()) {
            return lines;
        }
        Map<String, String> names = owners.ofAccounts(counterparties);
        return lines.stream().map(line -> line.counterpartyAccountId() == null ? line
                : line.withCounterpartyName(names.get(line.counterpartyAccountId()))).toList();
    }
}
