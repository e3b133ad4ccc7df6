package io.ledgerline.query.rebuild;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new version of the SQL read models: the same tables, with the same constraint and index names,
 * in a schema of their own. The rebuild's transactions put that schema first on their search path,
 * so the projectors' unqualified SQL writes there. The swap moves the serving tables out of
 * {@code public} and the new ones in, under an exclusive lock, in one transaction: a query sees
 * either the old tables or the new ones, and waits for the swap at most for its few milliseconds.
 */
final class SqlRebuildTarget implements RebuildTarget {

    private static final Pattern SCHEMA_NAME = Pattern.compile("rebuild_[0-9a-f]{32}");
    private static final String SERVING = "public";
    // readers queue behind the swap's lock; waiting longer than this for them to finish means trying again later
    private static final String LOCK_TIMEOUT = "10s";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<String> tables;
    private final String schema;

    SqlRebuildTarget(JdbcClient jdbc, TransactionTemplate transactions, List<String> tables, String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a rebuild schema: " + schema);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tables = tables;
        this.schema = schema;
    }

    static String schemaFor(String rebuildId) {
        return "rebuild_" + rebuildId.replace("-", "");
    }

    @Override
    public String describe() {
        return schema;
    }

    @Override
    public void prepare() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE SCHEMA IF NOT EXISTS " + schema).update();
            for (String table : tables) {
                if (!exists(schema, table)) {
                    copyStructure(table);
                }
            }
        });
    }

    private void copyStructure(String table) {
        // LIKE ... INCLUDING INDEXES would invent new index names; a later migration must find the old ones
        jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE " + SERVING + "." + table
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY)").update();
        List<String[]> constraints = jdbc.sql("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = CAST(:table AS regclass) AND contype IN ('p', 'u', 'x')
                """)
                .param("table", SERVING + "." + table)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] constraint : constraints) {
            jdbc.sql("ALTER TABLE " + schema + "." + table + " ADD CONSTRAINT " + constraint[0] + " " + constraint[1])
                    .update();
        }
        List<String> indexDefinitions = jdbc.sql("""
                SELECT indexdef FROM pg_indexes i
                WHERE schemaname = :schema AND tablename = :table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                  WHERE c.conrelid = CAST(:qualified AS regclass) AND c.conname = i.indexname)
                """)
                .param("schema", SERVING)
                .param("table", table)
                .param("qualified", SERVING + "." + table)
                .query(String.class).list();
        for (String definition : indexDefinitions) {
            jdbc.sql(definition.replace(" ON " + SERVING + "." + table + " ", " ON " + schema + "." + table + " "))
                    .update();
        }
    }

    @Override
    public void enter() {
        jdbc.sql("SET LOCAL search_path TO " + schema + ", " + SERVING).update();
    }

    @Override
    public void leave() {
        // SET LOCAL ends with the transaction
    }

    @Override
    public boolean isSwappedIn() {
        // the swap and its recording commit together, so a recorded rebuild is never half swapped
        return false;
    }

    @Override
    public boolean swap(SwapRecording recording) {
        String retired = retiredSchema();
        Boolean swapped = transactions.execute(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
            if (!recording.record()) {
                status.setRollbackOnly();
                return false;
            }
            jdbc.sql("LOCK TABLE " + String.join(", ", tables.stream().map(t -> SERVING + "." + t).toList())
                    + " IN ACCESS EXCLUSIVE MODE").update();
            jdbc.sql("CREATE SCHEMA " + retired).update();
            for (String table : tables) {
                jdbc.sql("ALTER TABLE " + SERVING + "." + table + " SET SCHEMA " + retired).update();
                jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + SERVING).update();
            }
            return true;
        });
        return Boolean.TRUE.equals(swapped);
    }

    @Override
    public void dropReplaced() {
        // queries on the old tables ended before the swap got its lock; later ones use the new tables
        jdbc.sql("DROP SCHEMA IF EXISTS " + retiredSchema() + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    private String retiredSchema() {
        return schema.replace("rebuild_", "retired_");
    }

    @Override
    public void discard() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    private boolean exists(String inSchema, String table) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = :schema AND table_name = :table)
                """)
                .param("schema", inSchema)
                .param("table", table)
                .query(Boolean.class).single();
    }
}
