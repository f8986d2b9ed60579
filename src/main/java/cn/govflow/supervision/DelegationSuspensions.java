package cn.govflow.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which delegated items are suspended in which district (R4: 发现违规办理情况的，撤销相关区业务审批权限).
 * Intake consults {@link #isSuspended} before it starts a delegated case; an admin lifts a suspension.
 */
@Service
public class DelegationSuspensions {

    /** The reason intake gives the applicant while a suspension is active. */
    public static final String REFUSAL_REASON = "该事项在本区的下放审批权限已暂停";

    public record Suspension(
            long id, String itemCode, String district, String reason, String caseNumber, Instant suspendedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DelegationSuspensions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isSuspended(String itemCode, String district) {
        return jdbc.sql("""
                select count(*) from gf_delegation_suspension
                 where item_code = ? and district = ? and lifted_at is null""").params(itemCode, district).query(Long.class).single() > 0;
    }

    /** Suspends unless already suspended (a retried job suspends once). */
    @Transactional
    public void suspend(String itemCode, String district, String reason, String caseNumber) {
        if (isSuspended(itemCode, district)) {
            return;
        }
        jdbc.sql("""
                insert into gf_delegation_suspension (item_code, district, reason, case_number, suspended_at)
                values (?, ?, ?, ?, ?)""")
                .params(itemCode, district, reason, caseNumber, Timestamp.from(clock.instant()))
                .update();
    }

    /** Returns false when nothing was suspended. */
    @Transactional
    public boolean lift(String itemCode, String district, String liftedBy) {
        return jdbc.sql("""
                update gf_delegation_suspension set lifted_at = ?, lifted_by = ?
                 where item_code = ? and district = ? and lifted_at is null""")
                        .params(Timestamp.from(clock.instant()), liftedBy, itemCode, district)
                        .update()
                > 0;
    }

    @Transactional(readOnly = true)
    public List<Suspension> active() {
        return jdbc.sql("""
                select id, item_code, district, reason, case_number, suspended_at
                  from gf_delegation_suspension where lifted_at is null order by suspended_at""")
                .query((rs, i) -> new Suspension(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
