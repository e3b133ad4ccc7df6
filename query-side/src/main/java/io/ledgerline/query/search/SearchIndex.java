package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * An index that readers and writers reach only through its alias. The index behind the alias is
 * versioned ({@code <alias>-v1}), so that a rebuilt {@code -v2} can take over by moving the alias.
 */
public abstract class SearchIndex {

    /**
     * How soon a write becomes searchable. Elasticsearch's default of one second would take most of
     * the time a change may need to reach search; a refresh that finds nothing new costs next to nothing.
     */
    static final String SERVING_REFRESH_INTERVAL = "250ms";

    private final ElasticsearchClient client;
    private final String alias;
    // a rebuild writes its new index on its own thread while the live projection keeps the alias
    private final ThreadLocal<String> rebuildIndex = new ThreadLocal<>();
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

    /** The index the current thread reads and writes: the alias, or the index a rebuild builds. */
    public String target() {
        String rebuilding = rebuildIndex.get();
        return rebuilding == null ? alias : rebuilding;
    }

    /** Sends the current thread's reads and writes to the given index instead of the alias. */
    public void redirectCurrentThread(String index) {
        rebuildIndex.set(index);
    }

    public void clearRedirect() {
        rebuildIndex.remove();
    }

    /** The versioned indices of this alias that it does not point to: replaced, or left by an interrupted rebuild. */
    public Set<String> versionsNotServing() throws IOException {
        Set<String> versions = new HashSet<>(client.indices()
                .get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true)).result().keySet());
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            versions.removeAll(client.indices().getAlias(a -> a.name(alias)).result().keySet());
        }
        return versions;
    }

    /**
     * The versions that the given one replaced: those not served that are older. A newer version not
     * served is the target of a rebuild that started after the given one swapped in, still being built.
     */
    public Set<String> versionsReplacedBy(String index) throws IOException {
        return olderThan(index, versionsNotServing());
    }

    Set<String> olderThan(String index, Set<String> versions) {
        int version = versionOf(index);
        Set<String> older = new HashSet<>();
        for (String candidate : versions) {
            if (versionOf(candidate) < version) {
                older.add(candidate);
            }
        }
        return older;
    }

    /** The next versioned name after the index the alias points to now. */
    public String nextIndex() throws IOException {
        int highest = 1;
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            // the first index is created with the alias before the rebuild starts
            return alias + "-v" + (highest + 1);
        }
        for (String index : client.indices().getAlias(a -> a.name(alias)).result().keySet()) {
            highest = Math.max(highest, versionOf(index));
        }
        return alias + "-v" + (highest + 1);
    }

    private int versionOf(String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            return 1;
        }
        try {
            return Integer.parseInt(index.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Creates an index with this alias's mapping but without the alias, unless it exists. It is
     * tuned for loading: nobody searches it and a lost write is simply applied again by the
     * rebuild, so it neither syncs every request to disk nor refreshes by itself.
     */
    public void createDetached(String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index).mappings(this::strictMapping)
                    .settings(s -> s.refreshInterval(t -> t.time("-1"))
                            .translog(t -> t.durability(TranslogDurability.Async))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        boolean allocated = !client.cluster()
                .health(h -> h.index(index).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")))
                .timedOut();
        if (!allocated) {
            throw new IOException("The primary shard of " + index + " is not allocated yet");
        }
    }

    /** Fields of the documents; the mapping is strict, so a document with an unknown field is refused. */
    protected abstract TypeMapping.Builder properties(TypeMapping.Builder mapping);

    /** Creates the first index behind the alias unless the alias exists; safe to call from several nodes. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                // an index created by an earlier release refreshes at the default interval
                client.indices().putSettings(p -> p.index(alias)
                        .settings(s -> s.refreshInterval(t -> t.time(SERVING_REFRESH_INTERVAL))));
                addFieldsNewSince();
            } else {
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

    /**
     * An index created by an earlier release lacks the fields added since, and its strict mapping would
     * refuse every document that carries one: the projection would park them. Adding a field is a change
     * a mapping takes in place; changing a field's type is not, and needs a rebuild.
     */
    private void addFieldsNewSince() throws IOException {
        TypeMapping current = strictMapping(new TypeMapping.Builder()).build();
        client.indices().putMapping(p -> p.index(alias).dynamic(DynamicMapping.Strict).properties(current.properties()));
    }

    private void createFirstIndex() throws IOException {
        try {
            client.indices().create(c -> c
                    .index(firstIndex())
                    .aliases(alias, a -> a.isWriteIndex(true))
                    .mappings(this::strictMapping)
                    .settings(s -> s.refreshInterval(t -> t.time(SERVING_REFRESH_INTERVAL))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Gives a loaded index the settings of a serving one, and makes everything written to it searchable. */
    public void prepareToServe(String index) throws IOException {
        client.indices().putSettings(p -> p.index(index)
                .settings(s -> s.refreshInterval(t -> t.time(SERVING_REFRESH_INTERVAL))
                        .translog(t -> t.durability(TranslogDurability.Request))));
        client.indices().refresh(r -> r.index(index));
    }

    private ObjectBuilder<TypeMapping> strictMapping(TypeMapping.Builder mapping) {
        return properties(mapping.dynamic(DynamicMapping.Strict));
    }
}
