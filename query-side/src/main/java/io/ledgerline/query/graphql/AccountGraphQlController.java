package io.ledgerline.query.graphql;

import io.ledgerline.query.accounts.AccountView;
import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.customers.CustomerView;
import io.ledgerline.query.customers.CustomerViews;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.statements.StatementLine;
import io.ledgerline.query.statements.StatementLineReader;
import io.ledgerline.query.statements.web.StatementLineResponse;
import io.ledgerline.query.web.QueryInstants;
import io.ledgerline.support.text.TextRules;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.data.domain.Limit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Accounts, their owners and statements. Nested fields load for all accounts of a response at once
 * (one statement per field and set of arguments, not one per account); a field's arguments are part
 * of its batch key, since a DataLoader batches keys, not arguments.
 */
@Controller
class AccountGraphQlController {

    static final int DEFAULT_ACCOUNTS = 20;
    static final int DEFAULT_LINES = 50;
    /** Keys of one batch at most: the ids of one statement's IN list stay far below PostgreSQL's bind limit. */
    static final int MAX_BATCH = 1000;

    private final AccountViewRepository accounts;
    private final CustomerViews customers;
    private final StatementLineReader statements;
    private final ReadYourWrites readYourWrites;

    AccountGraphQlController(AccountViewRepository accounts, CustomerViews customers, StatementLineReader statements,
            ReadYourWrites readYourWrites, BatchLoaderRegistry loaders) {
        this.accounts = accounts;
        this.customers = customers;
        this.statements = statements;
        this.readYourWrites = readYourWrites;
        loaders.<StatementPage, Connection<StatementLineResponse>>forName("statementPages")
                .withOptions(options -> options.setMaxBatchSize(MAX_BATCH))
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> statementPages(keys)));
        loaders.<CustomerAccountsPage, Connection<AccountNode>>forName("customerAccountPages")
                .withOptions(options -> options.setMaxBatchSize(MAX_BATCH))
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> customerAccountPages(keys)));
    }

    @QueryMapping
    CompletableFuture<AccountNode> account(@Argument String id, @Argument Integer minVersion) {
        Long least = minVersion == null ? null : minVersion.longValue();
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        if (onlyCustomer.isEmpty()) {
            return readYourWrites.read("account", id, least, () -> accounts.versionOf(id),
                    () -> accounts.findById(id).map(AccountNode::of), AccountNode::version).thenApply(HttpEntity::getBody);
        }
        // another customer's account is as unknown as one never opened: it waits and answers the same
        Supplier<Optional<AccountView>> own = () -> accounts.findById(id)
                .filter(found -> ReadAccess.visible(onlyCustomer, found.customerId()));
        return readYourWrites.read("account", id, least,
                () -> own.get().map(found -> OptionalLong.of(found.version())).orElse(OptionalLong.empty()),
                () -> own.get().map(AccountNode::of), AccountNode::version).thenApply(HttpEntity::getBody);
    }

    @QueryMapping
    Connection<AccountNode> accounts(@Argument String customerId, @Argument String status, @Argument Integer first,
            @Argument String after) {
        int size = Cursors.first(first, DEFAULT_ACCOUNTS);
        if (customerId != null && !TextRules.isWellFormedId(customerId)) {
            throw Cursors.invalid("customerId " + TextRules.ID_MESSAGE);
        }
        Cursors.AccountPlace place = Cursors.accountPlace(after);
        // a customer lists their own accounts, whichever customer the query names
        String customer = ReadAccess.onlyCustomer().orElse(customerId);
        List<AccountNode> found = accounts.after(customer, status, place.openedAt(), place.accountId(), Limit.of(size + 1))
                .stream().map(AccountNode::of).toList();
        return Connection.of(found, size, after != null, AccountNode::cursor);
    }

    @SchemaMapping(typeName = "Customer", field = "accounts")
    CompletableFuture<Connection<AccountNode>> customerAccounts(CustomerView customer, @Argument Integer first,
            @Argument String after, DataLoader<CustomerAccountsPage, Connection<AccountNode>> customerAccountPages) {
        // the customer is one the caller may read, and so are all of their accounts
        return customerAccountPages.load(new CustomerAccountsPage(customer.customerId(),
                Cursors.first(first, DEFAULT_ACCOUNTS), Cursors.accountPlace(after), after != null));
    }

    @BatchMapping(typeName = "Account")
    Map<AccountNode, CustomerView> owner(List<AccountNode> owned) {
        Map<String, CustomerView> byId = customers.findAll(owned.stream().map(AccountNode::customerId)
                        .collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(CustomerView::customerId, Function.identity()));
        Map<AccountNode, CustomerView> owners = new HashMap<>();
        owned.forEach(account -> {
            CustomerView owner = byId.get(account.customerId());
            if (owner != null) {
                owners.put(account, owner);
            }
        });
        return owners;
    }

    @SchemaMapping(typeName = "Account", field = "statement")
    CompletableFuture<Connection<StatementLineResponse>> statement(AccountNode account, @Argument Integer first,
            @Argument String after, @Argument Instant from, @Argument Instant to,
            DataLoader<StatementPage, Connection<StatementLineResponse>> statementPages) {
        // the account is one the caller may read, and so is its statement
        return statementPages.load(new StatementPage(account.id(), Cursors.first(first, DEFAULT_LINES),
                Cursors.lineBefore(after), after != null, QueryInstants.within("from", from),
                QueryInstants.within("to", to)));
    }

    /** One account's page of its statement, and the arguments that chose it. */
    record StatementPage(String accountId, int first, long beforeSequence, boolean after, Instant from, Instant to) {

        StatementPage window() {
            return new StatementPage(null, first, beforeSequence, after, from, to);
        }
    }

    /** One customer's page of their accounts, and the arguments that chose it. */
    record CustomerAccountsPage(String customerId, int first, Cursors.AccountPlace place, boolean after) {

        CustomerAccountsPage window() {
            return new CustomerAccountsPage(null, first, place, after);
        }
    }

    private Map<StatementPage, Connection<StatementLineResponse>> statementPages(Set<StatementPage> keys) {
        Map<StatementPage, Connection<StatementLineResponse>> pages = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(StatementPage::window)).forEach((window, sameWindow) -> {
            Map<String, List<StatementLine>> byAccount = statements.newestOfEach(
                            sameWindow.stream().map(StatementPage::accountId).toList(), window.from(), window.to(),
                            window.beforeSequence(), window.first() + 1)
                    .stream().collect(Collectors.groupingBy(StatementLine::accountId));
            sameWindow.forEach(key -> pages.put(key, Connection.of(
                    byAccount.getOrDefault(key.accountId(), List.of()).stream().map(StatementLineResponse::of).toList(),
                    key.first(), key.after(), line -> Cursors.line(line.sequence()))));
        });
        return pages;
    }

    private Map<CustomerAccountsPage, Connection<AccountNode>> customerAccountPages(Set<CustomerAccountsPage> keys) {
        Map<CustomerAccountsPage, Connection<AccountNode>> pages = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(CustomerAccountsPage::window)).forEach((window, sameWindow) -> {
            Map<String, List<AccountNode>> byCustomer = accounts.afterOfEach(
                            sameWindow.stream().map(CustomerAccountsPage::customerId).toList(),
                            window.place().openedAt(), window.place().accountId(), window.first() + 1)
                    .stream().map(AccountNode::of).collect(Collectors.groupingBy(AccountNode::customerId));
            sameWindow.forEach(key -> pages.put(key, Connection.of(byCustomer.getOrDefault(key.customerId(), List.of()),
                    key.first(), key.after(), AccountNode::cursor)));
        });
        return pages;
    }
}
