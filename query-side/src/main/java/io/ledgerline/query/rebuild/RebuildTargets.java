package io.ledgerline.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.query.projection.ReplayableProjection;
import io.ledgerline.query.projection.SqlReadModel;
import io.ledgerline.query.search.SearchReadModel;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Chooses where a projection's new version is built: a schema for SQL, new indices for Elasticsearch. */
@Component
class RebuildTargets {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ElasticsearchClient elasticsearch;

    RebuildTargets(JdbcClient jdbc, TransactionTemplate transactions, ElasticsearchClient elasticsearch) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.elasticsearch = elasticsearch;
    }

    RebuildTarget next(ReplayableProjection projection, String rebuildId) throws IOException {
        if (projection instanceof SqlReadModel sql) {
            return new SqlRebuildTarget(jdbc, transactions, sql.tables(), SqlRebuildTarget.schemaFor(rebuildId));
        }
        if (projection instanceof SearchReadModel search) {
            return SearchRebuildTarget.next(elasticsearch, search);
        }
        throw new IllegalArgumentException("No rebuild target for " + projection.name());
    }

    RebuildTarget described(ReplayableProjection projection, String description) {
        if (projection instanceof SqlReadModel sql) {
            return new SqlRebuildTarget(jdbc, transactions, sql.tables(), description);
        }
        if (projection instanceof SearchReadModel search) {
            return SearchRebuildTarget.described(elasticsearch, search, description);
        }
        throw new IllegalArgumentException("No rebuild target for " + projection.name());
    }
}
