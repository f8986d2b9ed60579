package cn.govflow.courier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The built-in courier desk's own records, table {@code gf_courier_desk_shipment}. */
@Repository
class CourierDeskRepository {

    record DeskShipment(
            String trackingNumber,
            String idempotencyKey,
            String caseNumber,
            String purpose,
            String sender,
            String recipientName,
            String recipientAddress,
            String contents,
            Instant bookedAt,
            Instant deliveredAt) {}

    private static final String COLUMNS = "tracking_number, idempotency_key, case_number, purpose, sender, "
            + "recipient_name, recipient_address, contents, booked_at, delivered_at";

    private final JdbcTemplate jdbc;

    CourierDeskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DeskShipment> findByKey(String idempotencyKey) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_courier_desk_shipment where idempotency_key = ?",
                        CourierDeskRepository::map,
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    Optional<DeskShipment> findByTrackingNumber(String trackingNumber) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_courier_desk_shipment where tracking_number = ?",
                        CourierDeskRepository::map,
                        trackingNumber)
                .stream()
                .findFirst();
    }

    List<DeskShipment> all() {
        return jdbc.query(
                "select " + COLUMNS + " from gf_courier_desk_shipment order by id desc", CourierDeskRepository::map);
    }

    List<DeskShipment> byCase(String caseNumber) {
        return jdbc.query(
                "select " + COLUMNS + " from gf_courier_desk_shipment where case_number = ? order by id",
                CourierDeskRepository::map,
                caseNumber);
    }

    /** Books a shipment (in the caller's transaction); fails with DuplicateKeyException for a known key. */
    void insert(String idempotencyKey, ShipmentOrder order, Instant bookedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "insert into gf_courier_desk_shipment "
                                    + "(idempotency_key, case_number, purpose, sender, recipient_name, recipient_address, contents, "
                                    + "booked_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    statement.setString(1, idempotencyKey);
                    statement.setString(2, order.caseNumber());
                    statement.setString(3, order.purpose());
                    statement.setString(4, order.sender());
                    statement.setString(5, order.recipientName());
                    statement.setString(6, order.recipientAddress());
                    statement.setString(7, order.contents());
                    statement.setTimestamp(8, Timestamp.from(bookedAt));
                    return statement;
                },
                key);
        long id = key.getKey().longValue();
        String trackingNumber = String.format(
                "GF%s%08d",
                LocalDate.ofInstant(bookedAt, ZoneOffset.ofHours(8)).toString().replace("-", ""), id);
        jdbc.update("update gf_courier_desk_shipment set tracking_number = ? where id = ?", trackingNumber, id);
    }

    int markDelivered(String trackingNumber, Instant at) {
        return jdbc.update(
                "update gf_courier_desk_shipment set delivered_at = ? "
                        + "where tracking_number = ? and delivered_at is null",
                Timestamp.from(at),
                trackingNumber);
    }

    private static DeskShipment map(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new DeskShipment(
                rs.getString("tracking_number"),
                rs.getString("idempotency_key"),
                rs.getString("case_number"),
                rs.getString("purpose"),
                rs.getString("sender"),
                rs.getString("recipient_name"),
                rs.getString("recipient_address"),
                rs.getString("contents"),
                rs.getTimestamp("booked_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
