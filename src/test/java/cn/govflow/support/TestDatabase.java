package cn.govflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of an integration test run. On PostgreSQL it recreates the database
 * {@code govflow_it} once per JVM; when no server answers, the run is skipped on a developer machine
 * ({@code govflow.test.postgres=auto}) and fails in CI ({@code required}).
 */
public final class TestDatabase implements ExecutionCondition {

    static final String DATABASE = System.getProperty("govflow.test.database", "h2");
    static final String HOST_URL = env("GOVFLOW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String ADMIN_DB = env("GOVFLOW_TEST_POSTGRES_ADMIN_DB", "test");
    static final String USER = env("GOVFLOW_TEST_POSTGRES_USER", "postgres");
    /** GOVFLOW_TEST_POSTGRES_DB names it, so two builds on one machine need not share (and drop) one database. */
    static final String TEST_DB = env("GOVFLOW_TEST_POSTGRES_DB", "govflow_it");

    private static Boolean ready;
    private static String failure;

    static {
        // System properties outrank ./config/application.yaml, which a profile file on the test classpath would not.
        System.setProperty("camunda.bpm.job-execution.wait-time-in-millis", "200");
        System.setProperty("camunda.bpm.job-execution.max-wait", "1000");
        // The demo profile generates the licence signing key at first start: in a temporary folder, not ./data/.
        System.setProperty(
                "govflow.licence.keystore.path",
                java.nio.file.Path.of(
                                System.getProperty("java.io.tmpdir"),
                                "govflow-it-" + java.util.UUID.randomUUID(),
                                "licence-signing.p12")
                        .toString());
        if (!isPostgres()) {
            System.setProperty(
                    "spring.datasource.url", "jdbc:h2:mem:govflow-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
    }

    public static boolean isPostgres() {
        return DATABASE.equals("postgres");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgres()) {
            return ConditionEvaluationResult.enabled("H2 in memory");
        }
        prepare();
        if (ready) {
            return ConditionEvaluationResult.enabled("PostgreSQL " + HOST_URL + TEST_DB);
        }
        if ("required".equals(System.getProperty("govflow.test.postgres"))) {
            throw new IllegalStateException("PostgreSQL is required for this run but not reachable: " + failure);
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable, skipped: " + failure);
    }

    /** A database of its own on the test server for a test that starts govflow JVMs: {@code <test db>_<suffix>}. */
    public static String ownPostgresDatabase(String suffix) {
        return TEST_DB + "_" + suffix;
    }

    /**
     * Drops and creates {@code database} on the test server and answers its JDBC URL. Same rules as the
     * integration runs: the test is skipped without a server, unless CI requires one.
     */
    public static String recreatePostgres(String database) {
        try (Connection connection = DriverManager.getConnection(HOST_URL + ADMIN_DB, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
            return HOST_URL + database;
        } catch (SQLException e) {
            if ("required".equals(System.getProperty("govflow.test.postgres"))) {
                throw new IllegalStateException("PostgreSQL is required for this run but not reachable", e);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "PostgreSQL not reachable, skipped: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** A connection to {@code database} on the test server. */
    public static Connection connectPostgres(String database) throws SQLException {
        return DriverManager.getConnection(HOST_URL + database, USER, "");
    }

    public static String postgresUser() {
        return USER;
    }

    private static synchronized void prepare() {
        if (ready != null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(HOST_URL + ADMIN_DB, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + TEST_DB + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + TEST_DB);
            System.setProperty("POSTGRES_URL", HOST_URL + TEST_DB);
            System.setProperty("POSTGRES_USER", USER);
            System.setProperty("POSTGRES_PASSWORD", "");
            ready = true;
        } catch (SQLException e) {
            failure = e.getMessage();
            ready = false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** demo users everywhere; the database profile per run. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return isPostgres() ? new String[] {"demo", "postgres"} : new String[] {"demo"};
        }
    }
}
