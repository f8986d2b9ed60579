package cn.govflow.application;

import cn.govflow.catalog.AcceptanceAt;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.ClockStart;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.ResultType;
import cn.govflow.catalog.VoucherIssuer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code gf_case} over plain JDBC, in the same transaction as the engine. */
@Repository
class CaseRepository {

    private static final String COLUMNS = "case_number, item_code, mode, department, district, new_town, channel, "
            + "situation, applicant_type, applicant_name, id_type, id_number, phone, address, delivery_method, "
            + "delivery_address, commitment, process_instance_id, voucher_number, voucher_issued_by, "
            + "acceptance_expected_by, started_by, idempotency_key, request_hash, created_at, status";
    /** The plan snapshot (V70); with voucher_issued_by above, the whole {@link CasePlan}. */
    private static final String PLAN_COLUMNS = "plan_result_type, plan_promised_days, plan_on_the_spot, "
            + "plan_receipt_is_acceptance, plan_acceptance_at, plan_paper_materials, plan_clock_starts_at";

    private static final String INSERT_VALUES =
            String.join(", ", Collections.nCopies((COLUMNS + ", " + PLAN_COLUMNS).split(",").length, "?"));

    private final JdbcTemplate jdbc;

    CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The case row with its plan snapshot (R22), in one insert.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the caller's Idempotency-Key is taken
     */
    void insert(CaseRecord c, CasePlan plan) {
        jdbc.update(
                "insert into gf_case (" + COLUMNS + ", " + PLAN_COLUMNS + ") values (" + INSERT_VALUES + ")",
                c.caseNumber(),
                c.itemCode(),
                c.mode().name(),
                c.department(),
                c.district(),
                c.newTown(),
                c.channel().name(),
                c.situation(),
                c.applicantType().name(),
                c.applicantName(),
                c.idType().name(),
                c.idNumber(),
                c.phone(),
                c.address(),
                c.deliveryMethod().name(),
                c.deliveryAddress(),
                c.commitment(),
                c.processInstanceId(),
                c.voucherNumber(),
                c.voucherIssuedBy().name(),
                c.acceptanceExpectedBy() == null ? null : Date.valueOf(c.acceptanceExpectedBy()),
                c.startedBy(),
                c.idempotencyKey(),
                c.requestHash(),
                Timestamp.from(c.createdAt()),
                c.status(),
                plan.resultType().name(),
                plan.promisedDays(),
                plan.onTheSpot(),
                plan.receiptIsAcceptance(),
                plan.acceptanceAt().name(),
                plan.paperMaterials(),
                plan.clockStartsAt().name());
    }

    /** The delivery method the applicant chose for a case. */
    Optional<DeliveryMethod> deliveryMethod(String caseNumber) {
        return jdbc
                .query(
                        "select delivery_method from gf_case where case_number = ?",
                        (rs, row) -> DeliveryMethod.valueOf(rs.getString(1)),
                        caseNumber)
                .stream()
                .findFirst();
    }

    /** The plan snapshot of a case; empty for an unknown case or one started before V70 (no snapshot). */
    Optional<CasePlan> plan(String caseNumber) {
        return jdbc
                .query(
                        "select " + PLAN_COLUMNS + ", voucher_issued_by from gf_case where case_number = ?"
                                + " and plan_result_type is not null",
                        (rs, row) -> new CasePlan(
                                ResultType.valueOf(rs.getString("plan_result_type")),
                                rs.getInt("plan_promised_days"),
                                rs.getBoolean("plan_on_the_spot"),
                                rs.getBoolean("plan_receipt_is_acceptance"),
                                AcceptanceAt.valueOf(rs.getString("plan_acceptance_at")),
                                rs.getBoolean("plan_paper_materials"),
                                ClockStart.valueOf(rs.getString("plan_clock_starts_at")),
                                VoucherIssuer.valueOf(rs.getString("voucher_issued_by"))),
                        caseNumber)
                .stream()
                .findFirst();
    }

    void setProcessInstanceId(String caseNumber, String processInstanceId) {
        jdbc.update("update gf_case set process_instance_id = ? where case_number = ?", processInstanceId, caseNumber);
    }

    Optional<CaseRecord> find(String caseNumber) {
        return jdbc
                .query("select " + COLUMNS + " from gf_case where case_number = ?", CaseRepository::map, caseNumber)
                .stream()
                .findFirst();
    }

    Optional<CaseRecord> findByIdempotencyKey(String startedBy, String key) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from gf_case where started_by = ? and idempotency_key = ?",
                        CaseRepository::map,
                        startedBy,
                        key)
                .stream()
                .findFirst();
    }

    /**
     * Cases matching every given filter ({@code null} = any), newest first, among those the caller may see (the
     * same rule as {@link CaseQueries#maySee}, here in SQL so that the limit counts visible cases only).
     * {@code caseNumber} and {@code applicantName} match a part; {@code itemCodes} empty matches nothing.
     */
    List<CaseRecord> search(
            String caseNumber,
            Collection<String> itemCodes,
            String district,
            String applicantName,
            Caller caller,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from gf_case where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseNumber != null) {
            sql.append(" and case_number like ? escape '\\'");
            args.add("%" + likeEscaped(caseNumber) + "%");
        }
        if (itemCodes != null) {
            if (itemCodes.isEmpty()) {
                return List.of();
            }
            sql.append(" and item_code in (")
                    .append(String.join(", ", Collections.nCopies(itemCodes.size(), "?")))
                    .append(")");
            args.addAll(itemCodes);
        }
        if (district != null) {
            sql.append(" and district = ?");
            args.add(district);
        }
        if (applicantName != null) {
            sql.append(" and applicant_name like ? escape '\\'");
            args.add("%" + likeEscaped(applicantName) + "%");
        }
        if (!caller.isIn(Caller.SUPERVISOR) && !caller.isIn(Caller.ADMIN)) {
            List<String> visible = new ArrayList<>();
            if (caller.isIn(Caller.PORTAL)) {
                visible.add("started_by = ?");
                args.add(caller.userId());
            }
            for (String windowDistrict : caller.windowDistricts()) {
                visible.add("district = ?");
                args.add(windowDistrict);
            }
            for (String cityDepartment : caller.cityDepartments()) {
                visible.add("department = ?");
                args.add(cityDepartment);
            }
            for (Caller.DistrictDepartment dd : caller.districtDepartments()) {
                visible.add("(district = ? and department = ?)");
                args.add(dd.district());
                args.add(dd.department());
            }
            if (visible.isEmpty()) {
                return List.of();
            }
            sql.append(" and (").append(String.join(" or ", visible)).append(")");
        }
        sql.append(" order by created_at desc, case_number desc limit ").append(limit);
        return jdbc.query(sql.toString(), CaseRepository::map, args.toArray());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The cases a district's window received in [from, to), oldest first. */
    List<CaseRecord> findWindowReceipts(String district, Instant from, Instant to) {
        return jdbc.query(
                "select " + COLUMNS + " from gf_case where district = ? and channel = ? "
                        + "and created_at >= ? and created_at < ? order by created_at, case_number",
                CaseRepository::map,
                district,
                Channel.WINDOW.name(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        Date expected = rs.getDate("acceptance_expected_by");
        return new CaseRecord(
                rs.getString("case_number"),
                rs.getString("item_code"),
                HandlingMode.valueOf(rs.getString("mode")),
                rs.getString("department"),
                rs.getString("district"),
                rs.getString("new_town"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("situation"),
                ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("applicant_name"),
                IdType.valueOf(rs.getString("id_type")),
                rs.getString("id_number"),
                rs.getString("phone"),
                rs.getString("address"),
                DeliveryMethod.valueOf(rs.getString("delivery_method")),
                rs.getString("delivery_address"),
                rs.getBoolean("commitment"),
                rs.getString("process_instance_id"),
                rs.getString("voucher_number"),
                VoucherIssuer.valueOf(rs.getString("voucher_issued_by")),
                expected == null ? null : expected.toLocalDate(),
                rs.getString("started_by"),
                rs.getString("idempotency_key"),
                rs.getString("request_hash"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("status"));
    }
}
