package io.ledgerline.multinode;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps a node's DataSource to see what a REST command costs the database: every statement a
 * request thread executes while recording is on; when armed, a failing commit of the next
 * transaction a request thread commits (as a lost connection or a refused commit would fail it), or
 * an action run right after a given statement (another node's booking racing a command).
 *
 * <p>Only request threads count: the tracking processors (Kafka publisher, saga) poll the same
 * database meanwhile and are not part of a command's cost.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementRecorder {

    public static final StatementRecorder INSTANCE = new StatementRecorder();

    private final AtomicBoolean recording = new AtomicBoolean();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNextCommit = new AtomicBoolean();
    private final AtomicReference<Hook> afterNext = new AtomicReference<>();

    private record Hook(Predicate<String> statement, Runnable action) {
    }

    @Bean
    static BeanPostProcessor recordingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)
                        ? new RecordingDataSource(dataSource) : bean;
            }
        };
    }

    public void start() {
        statements.clear();
        recording.set(true);
    }

    /** The statements request threads executed since {@link #start()}, in order. */
    public List<String> stop() {
        recording.set(false);
        return List.copyOf(statements);
    }

    /** Runs {@code action} once, on the request's thread, right after a request executed a statement that matches. */
    public void afterNext(Predicate<String> statement, Runnable action) {
        afterNext.set(new Hook(statement, action));
    }

    public void failNextCommitOfARequest() {
        failNextCommit.set(true);
    }

    private static boolean onRequestThread() {
        return Thread.currentThread().getName().startsWith("http-nio");
    }

    private void executed(String sql) {
        if (recording.get() && onRequestThread()) {
            statements.add(sql.replaceAll("\\s+", " ").trim());
        }
    }

    private void afterExecuting(String sql) {
        Hook hook = afterNext.get();
        if (hook != null && onRequestThread() && hook.statement().test(sql) && afterNext.compareAndSet(hook, null)) {
            hook.action().run();
        }
    }

    private static final class RecordingDataSource extends DelegatingDataSource {

        RecordingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recorded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recorded(super.getConnection(username, password));
        }

        private static Connection recorded(Connection connection) {
            return proxy(Connection.class, connection, (method, args) -> {
                if (method.getName().equals("commit") && onRequestThread()
                        && INSTANCE.failNextCommit.compareAndSet(true, false)) {
                    throw new SQLTransientConnectionException("The test failed this commit");
                }
                Object result = invoke(connection, method, args);
                if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                    String sql = (String) args[0];
                    return proxy(PreparedStatement.class, prepared, (inner, innerArgs) -> {
                        if (!inner.getName().startsWith("execute")) {
                            return invoke(prepared, inner, innerArgs);
                        }
                        INSTANCE.executed(sql);
                        Object executed = invoke(prepared, inner, innerArgs);
                        INSTANCE.afterExecuting(sql);
                        return executed;
                    });
                }
                if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                    return proxy(Statement.class, statement, (inner, innerArgs) -> {
                        if (inner.getName().startsWith("execute") && innerArgs != null && innerArgs[0] instanceof String sql) {
                            INSTANCE.executed(sql);
                        }
                        return invoke(statement, inner, innerArgs);
                    });
                }
                return result;
            });
        }
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.handle(method, args);
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
