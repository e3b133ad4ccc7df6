package io.ledgerline.query.consistency;

import io.ledgerline.query.projection.Projected;
import io.ledgerline.query.projection.ProjectionAnnouncer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to the projection's NOTIFY channel on a connection of its own (a pooled connection
 * would be held forever) and hands each committed change to the subscribers. If the connection
 * breaks it reconnects; waiters re-check the database meanwhile, so nothing depends on a
 * notification arriving.
 */
@Component
public class ProjectionNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSourceProperties dataSource;
    private final List<Consumer<Projected>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;

    ProjectionNotifications(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
    }

    public void subscribe(Consumer<Projected> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "projection-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ProjectionAnnouncer.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(Projected.parse(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for projection notifications failed; reconnecting: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void deliver(Projected projected) {
        for (Consumer<Projected> subscriber : subscribers) {
            try {
                subscriber.accept(projected);
            } catch (RuntimeException e) {
                log.warn("A subscriber failed on {}", projected, e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
