package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchIndexVersionsTest {

    private final SearchIndex audit = new SearchIndex(null, "audit") {
        @Override
        protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
            return mapping;
        }
    };

    /**
     * A rebuild drops what it replaced a while after its swap; by then a later rebuild of the same read
     * model may be building the next version, which is not served yet either and must stay.
     */
    @Test
    void aVersionReplacesOnlyTheOlderVersionsNotServed() {
        assertThat(audit.olderThan("audit-v3", Set.of("audit-v1", "audit-v2", "audit-v4", "audit-v10")))
                .containsExactlyInAnyOrder("audit-v1", "audit-v2");
    }

    @Test
    void theFirstVersionReplacesNothing() {
        assertThat(audit.olderThan("audit-v1", Set.of("audit-v2"))).isEmpty();
    }
}
