package io.ledgerline.query.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchReadModel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new version of a projection's Elasticsearch indices ({@code accounts-v2} beside
 * {@code accounts-v1}). The rebuild's thread writes them directly while everyone else uses the
 * aliases; the swap moves every alias in one atomic alias update, and the old indices are deleted
 * once the searches that were running on them have ended.
 */
final class SearchRebuildTarget implements RebuildTarget {

    // longer than a search takes; the socket timeout of the query side's client is 30 s
    private static final Duration REPLACED_INDEX_GRACE = Duration.ofSeconds(30);

    private final ElasticsearchClient client;
    // each serving index (through its alias) and the new index that replaces it
    private final Map<SearchIndex, String> newIndices;

    private SearchRebuildTarget(ElasticsearchClient client, Map<SearchIndex, String> newIndices) {
        this.client = client;
        this.newIndices = newIndices;
    }

    static SearchRebuildTarget next(ElasticsearchClient client, SearchReadModel model)
            throws IOException {
        Map<SearchIndex, String> newIndices = new LinkedHashMap<>();
        for (SearchIndex index : model.indices()) {
            newIndices.put(index, index.nextIndex());
        }
        return new SearchRebuildTarget(client, newIndices);
    }

    static SearchRebuildTarget described(ElasticsearchClient client, SearchReadModel model,
            String description) {
        List<String> names = List.of(description.split(","));
        Map<SearchIndex, String> newIndices = new LinkedHashMap<>();
        for (SearchIndex index : model.indices()) {
            String name = names.stream().filter(n -> n.startsWith(index.alias() + "-v")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No new index for " + index.alias() + " in " + description));
            newIndices.put(index, name);
        }
        return new SearchRebuildTarget(client, newIndices);
    }

    @Override
    public String describe() {
        return String.join(",", newIndices.values());
    }

    @Override
    public void prepare() throws IOException {
        for (Map.Entry<SearchIndex, String> entry : newIndices.entrySet()) {
            entry.getKey().ensureExists();
            // what an interrupted rebuild left behind is of no use to this one
            for (String stale : entry.getKey().versionsNotServing()) {
                if (!stale.equals(entry.getValue())) {
                    client.indices().delete(d -> d.index(stale).ignoreUnavailable(true));
                }
            }
            entry.getKey().createDetached(entry.getValue());
        }
    }

    @Override
    public void enter() {
        newIndices.forEach(SearchIndex::redirectCurrentThread);
    }

    @Override
    public void leave() {
        newIndices.keySet().forEach(SearchIndex::clearRedirect);
    }

    @Override
    public boolean isSwappedIn() throws IOException {
        for (Map.Entry<SearchIndex, String> entry : newIndices.entrySet()) {
            if (!servingIndices(entry.getKey()).equals(Set.of(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean swap(SwapRecording recording) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (Map.Entry<SearchIndex, String> entry : newIndices.entrySet()) {
            String alias = entry.getKey().alias();
            String replacement = entry.getValue();
            // everything written after the swap must reach the new index
            actions.add(Action.of(a -> a.add(add -> add.index(replacement).alias(alias).isWriteIndex(true))));
            for (String serving : servingIndices(entry.getKey())) {
                if (!serving.equals(replacement)) {
                    // deleted only later: searches running on it now must still find it
                    actions.add(Action.of(a -> a.remove(r -> r.index(serving).alias(alias))));
                }
            }
        }
        // searches must find in the new indices at least what they found in the old ones
        for (Map.Entry<SearchIndex, String> entry : newIndices.entrySet()) {
            entry.getKey().prepareToServe(entry.getValue());
        }
        // the index moves are atomic in Elasticsearch; a crash before the recording is detected by isSwappedIn
        client.indices().updateAliases(u -> u.actions(actions));
        return recording.record();
    }

    @Override
    public Duration replacedVersionGrace() {
        return REPLACED_INDEX_GRACE;
    }

    @Override
    public void dropReplaced() throws IOException {
        for (Map.Entry<SearchIndex, String> entry : newIndices.entrySet()) {
            for (String replaced : entry.getKey().versionsReplacedBy(entry.getValue())) {
                client.indices().delete(d -> d.index(replaced).ignoreUnavailable(true));
            }
        }
    }

    @Override
    public void discard() throws IOException {
        for (String index : newIndices.values()) {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }

    private Set<String> servingIndices(SearchIndex index) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(index.alias())).value()) {
            return Set.of();
        }
        return client.indices().getAlias(a -> a.name(index.alias())).result().keySet();
    }
}
