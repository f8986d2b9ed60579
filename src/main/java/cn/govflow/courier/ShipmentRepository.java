package cn.govflow.courier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** govflow's record of booked shipments, table {@code gf_shipment}: one per case and purpose. */
@Repository
class ShipmentRepository {

    record Shipment(
            long id,
            String caseNumber,
            String purpose,
            String idempotencyKey,
            String trackingNumber,
            String recipientKind,
            String recipientName,
            String recipientAddress,
            String contents,
            Instant bookedAt,
            Instant deliveredAt) {}

    private static final String COLUMNS = "id, case_number, purpose, idempotency_key, tracking_number, "
            + "recipient_kind, recipient_name, recipient_address, contents, booked_at, delivered_at";

    private final JdbcTemplate jdbc;

    ShipmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Shipment> find(String caseNumber, String purpose) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_shipment where case_number = ? and purpose = ?",
                        ShipmentRepository::map,
                        caseNumber,
                        purpose)
                .stream()
                .findFirst();
    }

    Optional<Shipment> findByTrackingNumber(String trackingNumber) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_shipment where tracking_number = ?",
                        ShipmentRepository::map,
                        trackingNumber)
                .stream()
                .findFirst();
    }

    /** Fails with a DuplicateKeyException when the case already has a shipment for this purpose. */
    void insert(
            String caseNumber,
            String purpose,
            String idempotencyKey,
            String trackingNumber,
            String recipientKind,
            ShipmentOrder order,
            Instant bookedAt) {
        jdbc.update(
                "insert into gf_shipment (case_number, purpose, idempotency_key, tracking_number, recipient_kind, "
                        + "recipient_name, recipient_address, contents, booked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseNumber,
                purpose,
                idempotencyKey,
                trackingNumber,
                recipientKind,
                order.recipientName(),
                order.recipientAddress(),
                order.contents(),
                Timestamp.from(bookedAt));
    }

    /** Records the delivery once: 0 when it was already recorded. */
    int markDelivered(long id, Instant deliveredAt) {
        return jdbc.update(
                "update gf_shipment set delivered_at = ? where id = ? and delivered_at is null",
                Timestamp.from(deliveredAt),
                id);
    }

    private static Shipment map(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Shipment(
                rs.getLong("id"),
                rs.getString("case_number"),
                rs.getString("purpose"),
                rs.getString("idempotency_key"),
                rs.getString("tracking_number"),
                rs.getString("recipient_kind"),
                rs.getString("recipient_name"),
                rs.getString("recipient_address"),
                rs.getString("contents"),
                rs.getTimestamp("booked_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
