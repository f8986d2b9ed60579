package cn.govflow.licence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The licence register, table {@code gf_licence}. */
@Repository
class LicenceRepository {

    record StoredLicence(
            long id,
            String caseNumber,
            String identifier,
            String content,
            String signatureAlgorithm,
            String signature,
            String keyId,
            Instant issuedAt,
            Instant revokedAt,
            String revokeReason) {}

    private static final String COLUMNS =
            "id, case_number, identifier, content, signature_algorithm, signature, key_id, issued_at, revoked_at, "
                    + "revoke_reason";

    private final JdbcTemplate jdbc;

    LicenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredLicence> findByCase(String caseNumber) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_licence where case_number = ?",
                        LicenceRepository::map,
                        caseNumber)
                .stream()
                .findFirst();
    }

    Optional<StoredLicence> findByIdentifier(String identifier) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_licence where identifier = ?",
                        LicenceRepository::map,
                        identifier)
                .stream()
                .findFirst();
    }

    long countByCase(String caseNumber) {
        Long count =
                jdbc.queryForObject("select count(*) from gf_licence where case_number = ?", Long.class, caseNumber);
        return count == null ? 0 : count;
    }

    /** Claims the case's licence row; fails with a DuplicateKeyException when the case already has one. */
    long insert(String caseNumber, Instant issuedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "insert into gf_licence (case_number, issued_at) values (?, ?)", new String[] {"id"});
                    statement.setString(1, caseNumber);
                    statement.setTimestamp(2, Timestamp.from(issuedAt));
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }

    void complete(
            long id, String identifier, String content, String signatureAlgorithm, String signature, String keyId) {
        jdbc.update(
                "update gf_licence set identifier = ?, content = ?, signature_algorithm = ?, signature = ?, "
                        + "key_id = ? where id = ?",
                identifier,
                content,
                signatureAlgorithm,
                signature,
                keyId,
                id);
    }

    /** Revokes once: the first date and reason stay. */
    int revoke(String caseNumber, Instant at, String reason) {
        return jdbc.update(
                "update gf_licence set revoked_at = ?, revoke_reason = ? "
                        + "where case_number = ? and revoked_at is null",
                Timestamp.from(at),
                reason,
                caseNumber);
    }

    private static StoredLicence map(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new StoredLicence(
                rs.getLong("id"),
                rs.getString("case_number"),
                rs.getString("identifier"),
                rs.getString("content"),
                rs.getString("signature_algorithm"),
                rs.getString("signature"),
                rs.getString("key_id"),
                rs.getTimestamp("issued_at").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revoke_reason"));
    }
}
