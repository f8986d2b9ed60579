package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.DataSourceUnwrapper;

class DurableH2CommitsTests {

    @TempDir
    Path directory;

    @Test
    @DisplayName("only H2 file databases are wrapped, not in-memory H2, an H2 server or PostgreSQL")
    void onlyH2FileDatabases() {
        assertThat(DurableH2Commits.isH2File("jdbc:h2:file:./data/govflow;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(DurableH2Commits.isH2File("jdbc:h2:./data/govflow")).isTrue();
        assertThat(DurableH2Commits.isH2File("jdbc:h2:~/govflow")).isTrue();
        assertThat(DurableH2Commits.isH2File("jdbc:h2:mem:govflow;DB_CLOSE_DELAY=-1"))
                .isFalse();
        assertThat(DurableH2Commits.isH2File("jdbc:h2:tcp://localhost/~/govflow"))
                .isFalse();
        assertThat(DurableH2Commits.isH2File("jdbc:postgresql://127.0.0.1:5432/govflow"))
                .isFalse();
        assertThat(DurableH2Commits.isH2File(null)).isFalse();
    }

    @Test
    @DisplayName("a commit is in the database file once its connection is back in the pool, not only later")
    void aReleasedCommitIsInTheFile() throws Exception {
        try (HikariDataSource pool = pool("durable")) {
            DataSource durable = (DataSource) new DurableH2Commits().postProcessAfterInitialization(pool, "dataSource");
            assertThat(durable).isNotSameAs(pool);
            assertThat(DataSourceUnwrapper.unwrap(durable, HikariDataSource.class))
                    .isSameAs(pool);

            insertCase(durable, "SH-DURABLE-1");

            assertThat(casesInACopyOfTheFile("durable"))
                    .as("what a crash right now would leave")
                    .isOne();
        }
    }

    @Test
    @DisplayName("without it, H2 keeps the commit in memory until its background writer comes (the lost 201s)")
    void withoutItACommitIsOnlyInMemory() throws Exception {
        try (HikariDataSource pool = pool("plain")) {
            insertCase(pool, "SH-PLAIN-1");

            assertThat(casesInACopyOfTheFile("plain"))
                    .as("what a crash right now would leave")
                    .isZero();
        }
    }

    /** The background writer far away (WRITE_DELAY of 100 s), so only an explicit write puts the commit in the file. */
    private HikariDataSource pool(String name) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve(name) + ";WRITE_DELAY=100000";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table gf_case (case_number varchar(40) primary key)");
            statement.execute("checkpoint sync");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static void insertCase(DataSource dataSource, String caseNumber) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into gf_case values ('" + caseNumber + "')");
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Opens a copy of the database file as it is on disk now, as the next start after a crash would. */
    private int casesInACopyOfTheFile(String name) throws Exception {
        Path copy = directory.resolve("copy-of-" + name);
        Files.copy(directory.resolve(name + ".mv.db"), directory.resolve("copy-of-" + name + ".mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from gf_case")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
