package io.ledgerline.query.accounts.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ledgerline.query.accounts.search.AccountDocument;
import io.ledgerline.query.accounts.search.AccountSearchIndex;
import io.ledgerline.query.search.web.InvalidSearchRequest;
import io.ledgerline.query.search.web.SearchParameters;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/search", produces = "application/json")
@Tag(name = "Search", description = "Search over the Elasticsearch read models")
public class AccountSearchController {

    private final ElasticsearchClient client;
    private final AccountSearchIndex index;

    public AccountSearchController(ElasticsearchClient client, AccountSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @GetMapping("/accounts")
    @Operation(summary = "Find accounts by owner name or email (tolerating typos), account id or customer id",
            description = "Best match first. A customer finds only their own accounts, whatever the words match.")
    @ApiResponse(responseCode = "200", description = "The matching accounts, best match first")
    @RefusedWith(QueryErrors.SEARCH_UNAVAILABLE)
    public AccountSearchResponse accounts(
            @Parameter(description = "A name, an email address, an account id or a customer id")
            @RequestParam @NotBlank @Size(max = 200) String q,
            @Parameter(description = "How many hits at most") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size)
            throws IOException {
        String text = SearchParameters.words("q", q).orElseThrow(() -> new InvalidSearchRequest("q must not be blank"));
        index.ensureExists();
        // a customer finds only their own accounts, whatever the words match
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        SearchResponse<AccountDocument> response = client.search(s -> s
                .index(AccountSearchIndex.ALIAS)
                .size(size)
                .query(query -> query.bool(b -> b
                        .filter(onlyCustomer.stream()
                                .map(customer -> Query.of(f -> f.term(t -> t.field("customerId").value(customer))))
                                .toList())
                        .should(sh -> sh.term(t -> t.field("accountId").value(text)))
                        .should(sh -> sh.term(t -> t.field("customerId").value(text)))
                        .should(sh -> sh.multiMatch(m -> m
                                .query(text)
                                .fields("ownerName", "ownerEmail")
                                .fuzziness("AUTO")
                                .operator(Operator.And)))
                        .minimumShouldMatch("1")))
                // equal scores (every account of a customer found by its id) keep one order, whichever
                // order the documents were indexed in: a rebuilt index answers as the old one did
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("accountId").order(SortOrder.Asc))),
                AccountDocument.class);
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        return new AccountSearchResponse(
                response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList(), total);
    }
}
