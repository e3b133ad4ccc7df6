package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces a projected event through PostgreSQL NOTIFY. The notification is delivered when the
 * projecting transaction commits, to every query node listening, so read-your-writes waits and live
 * updates work whichever node holds the partition.
 */
@Component
public class ProjectionAnnouncer {

    public static final String CHANNEL = "ledgerline_projected";

    private final JdbcClient jdbc;

    ProjectionAnnouncer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void announce(ReceivedEvent event) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", Projected.of(event).format())
                .query((rs, row) -> 1)
                .list();
    }
}
