package io.ledgerline.query.statements.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.search.web.SearchParameters;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.statements.SearchCounterpartyNames;
import io.ledgerline.query.statements.StatementLine;
import io.ledgerline.query.statements.search.TransactionDocument;
import io.ledgerline.query.statements.search.TransactionSearchIndex;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/search", produces = "application/json")
@Tag(name = "Search", description = "Search over the Elasticsearch read models")
public class TransactionSearchController {

    private final ElasticsearchClient client;
    private final TransactionSearchIndex index;
    private final AccountViewRepository accounts;
    private final SearchCounterpartyNames counterpartyNames;

    public TransactionSearchController(ElasticsearchClient client, TransactionSearchIndex index,
            AccountViewRepository accounts, SearchCounterpartyNames counterpartyNames) {
        this.client = client;
        this.index = index;
        this.accounts = accounts;
        this.counterpartyNames = counterpartyNames;
    }

    /**
     * A customer's search covers only their own accounts, whatever the request names. The index has
     * no customer field: the accounts are taken from the SQL read model at the time of the search, so
     * the filter is always that of the account's owner now, and no rebuild is needed to add one.
     */
    private Query limitedToTheCallersAccounts(Query criteria) {
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        if (onlyCustomer.isEmpty()) {
            return criteria;
        }
        List<FieldValue> own = accounts.accountIdsOf(onlyCustomer.get()).stream().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> b.filter(criteria)
                .filter(f -> f.terms(t -> t.field("accountId").terms(values -> values.value(own))))));
    }

    @GetMapping("/transactions")
    @Operation(summary = "Find statement lines, newest first, with exact totals per type and per month and currency",
            description = "Lines as the statement answers them. A customer's search covers only their own accounts, "
                    + "whatever the request names.")
    @ApiResponse(responseCode = "200", description = "A page of matching lines and totals over all matching lines")
    @RefusedWith(QueryErrors.SEARCH_UNAVAILABLE)
    public TransactionSearchResponse transactions(
            @Parameter(description = "Words of the description or reference (on a transfer's lines, the transfer's)") @RequestParam(required = false) String q,
            @Parameter(description = "Only lines of this account") @RequestParam(required = false) String accountId,
            @Parameter(description = "Smallest amount moved, in or out, a decimal such as 10.00") @RequestParam(required = false) String minAmount,
            @Parameter(description = "Largest amount moved, in or out, a decimal such as 99.99") @RequestParam(required = false) String maxAmount,
            @Parameter(description = "Earliest time, inclusive, ISO-8601 instant") @RequestParam(required = false) String from,
            @Parameter(description = "Latest time, exclusive, ISO-8601 instant") @RequestParam(required = false) String to,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Hits per page") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size)
            throws IOException {
        TransactionCriteria criteria = new TransactionCriteria(SearchParameters.words("q", q),
                SearchParameters.id("accountId", accountId),
                SearchParameters.amount("minAmount", minAmount), SearchParameters.amount("maxAmount", maxAmount),
                SearchParameters.instant("from", from), SearchParameters.instant("to", to));
        SearchParameters.requireOrdered("minAmount", criteria.minAmount(), "maxAmount", criteria.maxAmount());
        SearchParameters.requireOrdered("from", criteria.from(), "to", criteria.to());
        int offset = SearchParameters.offset(page, size);
        Query query = limitedToTheCallersAccounts(criteria.toQuery());
        index.ensureExists();
        SearchResponse<TransactionDocument> response = client.search(s -> s
                .index(TransactionSearchIndex.ALIAS)
                .from(offset)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query)
                .source(src -> src.filter(f -> f.excludes(TransactionDocument.INTERNAL_FIELDS)))
                .sort(o -> o.field(f -> f.field("timestamp").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Desc)))
                .aggregations(TransactionTotals.aggregations()),
                TransactionDocument.class);
        List<StatementLine> lines = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                .map(TransactionDocument::line).toList();
        return new TransactionSearchResponse(
                counterpartyNames.named(lines).stream().map(StatementLineResponse::of).toList(),
                response.hits().total() == null ? 0 : response.hits().total().value(),
                TransactionTotals.byType(response.aggregations()),
                TransactionTotals.byMonth(response.aggregations()));
    }
}
