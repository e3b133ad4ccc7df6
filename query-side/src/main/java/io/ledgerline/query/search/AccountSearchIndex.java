package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The accounts index. Readers and writers use the alias {@value #ALIAS}; the index behind it is
 * versioned, so that a rebuilt index can take over by moving the alias.
 */
@Component
public class AccountSearchIndex {

    public static final String ALIAS = "accounts";
    static final String FIRST_INDEX = "accounts-v1";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    AccountSearchIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the first index behind the alias unless the alias exists; safe to call from several nodes. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                createFirstIndex();
            }
            // a new index answers 503 until its primary shard is allocated
            boolean allocated = !client.cluster()
                    .health(h -> h.index(ALIAS).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")))
                    .timedOut();
            if (!allocated) {
                throw new IOException("The primary shard of " + ALIAS + " is not allocated yet");
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable", e);
        }
    }

    private void createFirstIndex() throws IOException {
        try {
            client.indices().create(c -> c
                    .index(FIRST_INDEX)
                    .aliases(ALIAS, a -> a.isWriteIndex(true))
                    .mappings(m -> m
                            .dynamic(DynamicMapping.Strict)
                            .properties("accountId", p -> p.keyword(k -> k))
                            .properties("customerId", p -> p.keyword(k -> k))
                            .properties("currency", p -> p.keyword(k -> k))
                            .properties("status", p -> p.keyword(k -> k))
                            .properties("openedAt", p -> p.date(d -> d))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
