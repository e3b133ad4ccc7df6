package io.ledgerline.query.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Records the SQL statements the query side's database is sent while a test records, with the
 * thread that sent them, so a test can count what one request costs. Found by the application's
 * component scan, so every integration test shares the one context; outside a recording it only
 * hands statements on.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_MAKERS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** One statement sent to the database. */
    public record Sent(String thread, String sql) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
            return new CountingDataSource(dataSource);
        }
        return bean;
    }

    /** Runs the action and answers the statements sent meanwhile, by any thread. */
    public List<Sent> during(ThrowingRunnable action) throws Exception {
        sent.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(sent);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (recording && STATEMENT_MAKERS.contains(method.getName())) {
                            sent.add(new Sent(Thread.currentThread().getName(),
                                    arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
                                            ? sql : method.getName()));
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }
    }
}
