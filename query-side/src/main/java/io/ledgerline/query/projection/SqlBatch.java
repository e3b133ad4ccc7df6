package io.ledgerline.query.projection;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Changes to one SQL read model collected over a transaction, written as JDBC batches just before it commits. */
public interface SqlBatch {

    void write(NamedParameterJdbcTemplate jdbc);
}
