package io.ledgerline.query.projection;

import java.util.List;

/** A projection into PostgreSQL tables that a rebuild recreates side by side and swaps in. */
public interface SqlReadModel extends ReplayableProjection {

    /** Every table the projection writes; unqualified, since a rebuild resolves them through the search path. */
    List<String> tables();
}
