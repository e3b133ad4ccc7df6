package db.migration;

import io.ledgerline.command.integrity.ExistingEventChaining;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the events stored before appends were chained, once, and records where that history
 * ends ({@code event_chain_origin}): the hashes of events up to that global index prove that
 * nothing changed after this migration, not that nothing changed before it.
 */
public class V10__chain_existing_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("""
                    CREATE TABLE event_chain_origin (
                        chained_up_to_global_index BIGINT      NOT NULL,
                        events_chained             BIGINT      NOT NULL,
                        chained_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
                    )""");
        }
        ExistingEventChaining.Chained chained = new ExistingEventChaining().chainUnchainedAggregates(context.getConnection());
        try (PreparedStatement origin = context.getConnection().prepareStatement(
                "INSERT INTO event_chain_origin (chained_up_to_global_index, events_chained) VALUES (?, ?)")) {
            origin.setLong(1, chained.highestGlobalIndex());
            origin.setLong(2, chained.events());
            origin.executeUpdate();
        }
    }
}
