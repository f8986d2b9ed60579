package cn.govflow.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table gf_supervision_report: one row per district approval, reported once (retries change nothing). */
@Repository
class SupervisionLedger {

    record Report(
            String caseNumber,
            String itemCode,
            String itemName,
            String district,
            String department,
            String decisionLevel,
            Instant reportedAt,
            Boolean spotCheckDrawn,
            String spotCheckResult,
            String spotCheckReason) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns false when the case was reported before (a retried job). */
    boolean report(
            String caseNumber,
            String itemCode,
            String itemName,
            String district,
            String department,
            String decisionLevel) {
        if (find(caseNumber).isPresent()) {
            return false;
        }
        jdbc.sql("""
                insert into gf_supervision_report
                    (case_number, item_code, item_name, district, department, decision_level, reported_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, itemCode, itemName, district, department, decisionLevel, now())
                .update();
        return true;
    }

    void markDrawn(String caseNumber, boolean drawn) {
        jdbc.sql("update gf_supervision_report set spot_check_drawn = ? where case_number = ?")
                .params(drawn, caseNumber)
                .update();
    }

    void recordSpotCheck(String caseNumber, String result, String reason) {
        jdbc.sql("""
                update gf_supervision_report
                   set spot_check_result = ?, spot_check_reason = ?, spot_checked_at = ?
                 where case_number = ?""").params(result, reason, now(), caseNumber).update();
    }

    Optional<Report> find(String caseNumber) {
        return jdbc.sql("""
                select case_number, item_code, item_name, district, department, decision_level, reported_at,
                       spot_check_drawn, spot_check_result, spot_check_reason
                  from gf_supervision_report where case_number = ?""")
                .param(caseNumber)
                .query((rs, i) -> new Report(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        (Boolean) rs.getObject(8),
                        rs.getString(9),
                        rs.getString(10)))
                .optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
