package io.ledgerline.query.projection;

import java.util.List;

/**
 * The tables of one feature's SQL read model. Each feature registers its own as a bean, so that the
 * SQL projection, and a rebuild of it, covers every table without knowing the features.
 */
public interface SqlTables {

    /** Unqualified, since a rebuild resolves them through the search path. */
    List<String> names();
}
