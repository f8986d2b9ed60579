package cn.govflow.system;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 file database keeps what govflow acknowledged: every connection going back to the pool first
 * runs {@code CHECKPOINT SYNC}, which writes the committed changes to the database file and forces them to the
 * disk. A request releases its connection when its transaction ends, before the answer goes out, so a crash of the
 * JVM (or of the machine) after a 201 can no longer lose the case. H2 alone writes commits from a background thread
 * up to half a second later. In-memory H2 and PostgreSQL are left alone (docs/adr/0020-durable-embedded-h2.md).
 */
@Component
class DurableH2Commits implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Commits.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && isH2File(hikari.getJdbcUrl())) {
            log.info(
                    "H2 file database {}: each connection is written to disk (CHECKPOINT SYNC) when it goes "
                            + "back to the pool",
                    hikari.getJdbcUrl());
            return new SyncOnRelease(hikari);
        }
        return bean;
    }

    /** {@code jdbc:h2:file:…}, {@code jdbc:h2:./…}, {@code jdbc:h2:~/…}; not {@code mem:} nor a TCP server's. */
    static boolean isH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    /** The pool, with connections whose {@code close()} flushes first. */
    static final class SyncOnRelease extends DelegatingDataSource {

        private final AtomicBoolean warned = new AtomicBoolean();

        SyncOnRelease(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return syncOnClose(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return syncOnClose(obtainTargetDataSource().getConnection(username, password));
        }

        private Connection syncOnClose(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "close" -> sync(connection);
                            default -> {}
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getTargetException();
                        }
                    });
        }

        /** Never fails the caller: without the sync H2 still writes the commit, only later. */
        private void sync(Connection connection) {
            try {
                if (!connection.isClosed()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CHECKPOINT SYNC");
                    }
                }
            } catch (SQLException e) {
                if (warned.compareAndSet(false, true)) {
                    log.warn(
                            "H2 CHECKPOINT SYNC failed; commits reach the disk in the background only: {}",
                            e.getMessage());
                }
            }
        }
    }
}
