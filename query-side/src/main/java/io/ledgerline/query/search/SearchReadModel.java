package io.ledgerline.query.search;

import io.ledgerline.query.projection.ReplayableProjection;
import java.util.List;

/** A projection into Elasticsearch indices that a rebuild recreates as new versions behind their aliases. */
public interface SearchReadModel extends ReplayableProjection {

    /** Every index the projection writes or reads while projecting. */
    List<SearchIndex> indices();
}
