package cn.govflow.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts reviewed edits of comments in migrations that have already run. Flyway checksums every line of a
 * migration, comments included, so a comment fixed in a released migration would stop start-up on every existing
 * database ("checksum mismatch"). Before Flyway validates, this moves the recorded checksum of exactly the listed
 * versions from the old value to the new one; any other difference still fails validation as it should.
 */
@Component
class CommentOnlyMigrationEdits implements Callback {

    /** One reviewed, comment-only edit of migration {@code version}: its checksum before and after. */
    record Edit(String version, int before, int after, String why) {}

    static final List<Edit> EDITS = List.of(new Edit(
            "40", -1072101277, 2030993616, "a comment named a file outside the repository; it names docs/ now"));

    private static final Logger log = LoggerFactory.getLogger(CommentOnlyMigrationEdits.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        try {
            Connection connection = context.getConnection();
            if (!historyExists(connection, table)) {
                return;
            }
            for (Edit edit : EDITS) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update \"" + table + "\" set \"checksum\" = ? where \"version\" = ? and \"checksum\" = ?")) {
                    update.setInt(1, edit.after());
                    update.setString(2, edit.version());
                    update.setInt(3, edit.before());
                    if (update.executeUpdate() > 0) {
                        log.info(
                                "migration V{}: accepted its reviewed comment-only edit ({})",
                                edit.version(),
                                edit.why());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not accept the reviewed comment-only migration edits", e);
        }
    }

    private static boolean historyExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "commentOnlyMigrationEdits";
    }
}
