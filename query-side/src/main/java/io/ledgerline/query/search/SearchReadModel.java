package io.ledgerline.query.search;

import io.ledgerline.query.projection.ReplayableProjection;
import java.util.List;

/** A projection into Elasticsearch indices that a rebuild recreates as new versions behind their aliases. */
public interface SearchReadModel extends ReplayableProjection {

    /** Every index the projection writes or reads while projecting. */
    List<SearchIndex> indices();

    /**
     * Whether no write depends on an earlier write having reached the index, so that a rebuild
     * may send the writes of many events in one request. Projections that read their own index
     * while projecting answer false.
     */
    default boolean writesIndependently() {
        return false;
    }
}
