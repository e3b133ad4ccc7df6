package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.QuerySideIT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An index created by an earlier release serves on after an upgrade: the fields a release adds are
 * put into its strict mapping at start, so new documents are accepted instead of refused (and parked).
 */
class SearchIndexUpgradeIT extends QuerySideIT {

    @Autowired
    private ElasticsearchClient client;

    @Test
    void addsTheFieldsOfANewReleaseToTheIndexAnEarlierOneCreated() throws Exception {
        String alias = "upgrade-" + System.nanoTime();
        new Release(client, alias, false).ensureExists();
        Map<String, String> newDocument = Map.of("amount", "5.50", "amountKey", AmountKeys.of(new java.math.BigDecimal("5.50")));

        assertThatThrownBy(() -> client.index(i -> i.index(alias).id("before").document(newDocument)))
                .isInstanceOf(ElasticsearchException.class).hasMessageContaining("strict");

        new Release(client, alias, true).ensureExists();

        client.index(i -> i.index(alias).id("after").document(newDocument));
        assertThat(client.indices().getMapping(m -> m.index(alias)).result().get(alias + "-v1").mappings()
                .properties().get("amountKey").isKeyword()).isTrue();
    }

    private static final class Release extends SearchIndex {

        private final boolean withAmountKey;

        Release(ElasticsearchClient client, String alias, boolean withAmountKey) {
            super(client, alias);
            this.withAmountKey = withAmountKey;
        }

        @Override
        protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
            mapping.properties("amount", p -> p.keyword(k -> k));
            return withAmountKey ? mapping.properties("amountKey", p -> p.keyword(k -> k)) : mapping;
        }
    }
}
