package io.ledgerline.query.projection;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces projected events through PostgreSQL NOTIFY. The notifications are delivered when the
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

    /** One statement for the whole transaction, however many events it projected. */
    void announce(List<Projected> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_notify(:channel, payload) FROM unnest(CAST(:payloads AS text[])) AS payload")
                .param("channel", CHANNEL)
                .param("payloads", events.stream().map(Projected::format).toArray(String[]::new))
                .query((rs, row) -> 1)
                .list();
    }
}
