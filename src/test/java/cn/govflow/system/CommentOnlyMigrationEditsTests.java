package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database migrated before a reviewed comment edit still starts; any other change still fails validation. */
class CommentOnlyMigrationEditsTests {

    static final String TABLE = "govflow_schema_history";

    final DriverManagerDataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    Flyway flyway(Callback... callbacks) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(TABLE)
                .callbacks(callbacks)
                .load();
    }

    int checksum(String version) {
        return jdbc.queryForObject(
                "select \"checksum\" from \"" + TABLE + "\" where \"version\" = ?", Integer.class, version);
    }

    void record(String version, int checksum) {
        jdbc.update("update \"" + TABLE + "\" set \"checksum\" = ? where \"version\" = ?", checksum, version);
    }

    @Test
    @DisplayName("each listed edit's new checksum is what Flyway computes for the migration as it is now")
    void listedChecksumsMatchTheMigrations() {
        flyway().migrate();
        CommentOnlyMigrationEdits.EDITS.forEach(edit ->
                assertThat(checksum(edit.version())).as("V" + edit.version()).isEqualTo(edit.after()));
    }

    @Test
    @DisplayName("a database migrated with the old comment validates and starts, and records the new checksum")
    void oldChecksumIsAccepted() {
        flyway().migrate();
        CommentOnlyMigrationEdits.Edit edit = CommentOnlyMigrationEdits.EDITS.get(0);
        record(edit.version(), edit.before());

        assertThatThrownBy(() -> flyway().validate()).hasMessageContaining("checksum");
        flyway(new CommentOnlyMigrationEdits()).migrate();

        assertThat(checksum(edit.version())).isEqualTo(edit.after());
        flyway().validate();
    }

    @Test
    @DisplayName("any other checksum difference still fails validation")
    void otherChangesStillFail() {
        flyway().migrate();
        record("40", 12345);

        assertThatThrownBy(() -> flyway(new CommentOnlyMigrationEdits()).migrate())
                .hasMessageContaining("checksum");
    }
}
