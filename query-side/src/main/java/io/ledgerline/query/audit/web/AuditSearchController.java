package io.ledgerline.query.audit.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ledgerline.query.audit.search.AuditDocument;
import io.ledgerline.query.audit.search.AuditSearchIndex;
import io.ledgerline.query.search.web.SearchParameters;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
@Tag(name = "Audit", description = "Every event with who caused it and why")
public class AuditSearchController {

    private final ElasticsearchClient client;
    private final AuditSearchIndex index;

    public AuditSearchController(ElasticsearchClient client, AuditSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    @GetMapping("/events")
    @Operation(summary = "Find events by user, correlation id, type, time and words of their payload, newest first",
            description = "Every event of ledger.events with its metadata; an erased customer's personal data and "
                    + "booking texts are masked in the payloads.")
    @ApiResponse(responseCode = "200", description = "A page of matching events and how many matched in all")
    @RefusedWith(QueryErrors.SEARCH_UNAVAILABLE)
    public AuditSearchResponse events(
            @Parameter(description = "Who caused the events") @RequestParam(required = false) String user,
            @Parameter(description = "The correlation id the events share") @RequestParam(required = false) String correlationId,
            @Parameter(description = "Event type, e.g. MoneyDeposited") @RequestParam(required = false) String type,
            @Parameter(description = "Earliest time, inclusive, ISO-8601 instant") @RequestParam(required = false) String from,
            @Parameter(description = "Latest time, exclusive, ISO-8601 instant") @RequestParam(required = false) String to,
            @Parameter(description = "Words of the event's payload") @RequestParam(required = false) String q,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Hits per page") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size)
            throws IOException {
        Optional<Instant> start = SearchParameters.instant("from", from);
        Optional<Instant> end = SearchParameters.instant("to", to);
        SearchParameters.requireOrdered("from", start, "to", end);
        int offset = SearchParameters.offset(page, size);
        List<Query> filters = new ArrayList<>();
        SearchParameters.keyword("user", user).ifPresent(value -> filters.add(term("user", value)));
        SearchParameters.id("correlationId", correlationId).ifPresent(value -> filters.add(term("correlationId", value)));
        SearchParameters.eventType("type", type).ifPresent(value -> filters.add(term("type", value)));
        start.ifPresent(value -> filters.add(Query.of(f -> f.range(r -> r.date(d -> d.field("timestamp").gte(value.toString()))))));
        end.ifPresent(value -> filters.add(Query.of(f -> f.range(r -> r.date(d -> d.field("timestamp").lt(value.toString()))))));
        Optional<String> words = SearchParameters.words("q", q);
        index.ensureExists();
        SearchResponse<AuditDocument> response = client.search(s -> s
                .index(AuditSearchIndex.ALIAS)
                .from(offset)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query -> query.bool(b -> {
                    b.filter(filters);
                    words.ifPresent(text -> b.must(m -> m.match(mt -> mt
                            .field(AuditDocument.PAYLOAD_TEXT).query(text).operator(Operator.And))));
                    return b;
                }))
                .source(src -> src.filter(f -> f.excludes(AuditDocument.INTERNAL_FIELDS)))
                .sort(o -> o.field(f -> f.field("timestamp").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("globalPosition").order(SortOrder.Desc))),
                AuditDocument.class);
        return new AuditSearchResponse(
                response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList(),
                response.hits().total() == null ? 0 : response.hits().total().value());
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
