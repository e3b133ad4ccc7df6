package io.ledgerline.query.graphql;

import io.ledgerline.query.accounts.AccountView;
import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.accounts.search.AccountDocument;
import io.ledgerline.query.accounts.web.AccountSearchController;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.statements.web.TransactionSearchController;
import io.ledgerline.query.statements.web.TransactionSearchResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The searches, answered by REST's own search operations: the same filters, limits, totals and
 * limitation of a customer to their own accounts, so the two APIs cannot find different things.
 */
@Controller
class SearchGraphQlController {

    static final int DEFAULT_HITS = 20;

    private final AccountSearchController accountSearch;
    private final TransactionSearchController transactionSearch;
    private final AccountViewRepository accounts;

    SearchGraphQlController(AccountSearchController accountSearch, TransactionSearchController transactionSearch,
            AccountViewRepository accounts) {
        this.accountSearch = accountSearch;
        this.transactionSearch = transactionSearch;
        this.accounts = accounts;
    }

    /** The accounts found, as their SQL read model answers them; one found but not projected there yet is left out. */
    @QueryMapping
    List<AccountNode> searchAccounts(@Argument String q, @Argument Integer first) throws IOException {
        List<String> found = accountSearch.accounts(q, Cursors.first(first, DEFAULT_HITS)).hits().stream()
                .map(AccountDocument::accountId).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        Map<String, AccountView> projected = accounts.findByAccountIdIn(found).stream()
                .filter(account -> ReadAccess.visible(onlyCustomer, account.customerId()))
                .collect(Collectors.toMap(AccountView::accountId, Function.identity()));
        return found.stream().map(projected::get).filter(Objects::nonNull).map(AccountNode::of).toList();
    }

    @QueryMapping
    TransactionSearchResponse searchTransactions(@Argument String q, @Argument String accountId,
            @Argument String minAmount, @Argument String maxAmount, @Argument Instant from, @Argument Instant to,
            @Argument Integer page, @Argument Integer first) throws IOException {
        int number = page == null ? 0 : page;
        if (number < 0) {
            throw Cursors.invalid("page must be 0 or more");
        }
        return transactionSearch.transactions(q, accountId, minAmount, maxAmount,
                from == null ? null : from.toString(), to == null ? null : to.toString(), number,
                Cursors.first(first, DEFAULT_HITS));
    }
}
