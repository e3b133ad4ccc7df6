package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An index that readers and writers reach only through its alias. The index behind the alias is
 * versioned ({@code <alias>-v1}), so that a rebuilt {@code -v2} can take over by moving the alias.
 */
public abstract class SearchIndex {

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean ready;

    protected SearchIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    public String firstIndex() {
        return alias + "-v1";
    }

    /** Fields of the documents; the mapping is strict, so a document with an unknown field is refused. */
    protected abstract TypeMapping.Builder properties(TypeMapping.Builder mapping);

    /** Creates the first index behind the alias unless the alias exists; safe to call from several nodes. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                createFirstIndex();
            }
            // a new index answers 503 until its primary shard is allocated
            boolean allocated = !client.cluster()
                    .health(h -> h.index(alias).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")))
                    .timedOut();
            if (!allocated) {
                throw new IOException("The primary shard of " + alias + " is not allocated yet");
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is not reachable", e);
        }
    }

    private void createFirstIndex() throws IOException {
        try {
            client.indices().create(c -> c
                    .index(firstIndex())
                    .aliases(alias, a -> a.isWriteIndex(true))
                    .mappings(this::strictMapping));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private ObjectBuilder<TypeMapping> strictMapping(TypeMapping.Builder mapping) {
        return properties(mapping.dynamic(DynamicMapping.Strict));
    }
}
