package cn.govflow.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code gf_ledger_case} and {@code gf_ledger_step} over plain JDBC, in the caller's (the engine's) transaction. */
@Repository
class LedgerRepository {

    private static final String CASE_COLUMNS = "case_number, process_instance_id, item_code, item_name, mode, "
            + "department, district, channel, applicant_type, commitment, on_the_spot_allowed, "
            + "licence_replaced_paper, fee, promised_workdays, applied_at, received_at, accepted_at, "
            + "promised_decision_date, decided_at, delivered_at, completed_at, outcome, approval_revoked, "
            + "actual_workdays, on_time, overdue, on_the_spot, status";

    private static final String STEP_COLUMNS = "activity_id, activity_type, step_name, candidate_group, assignee, "
            + "action, opinion, started_at, due_at, ended_at";

    private final JdbcTemplate jdbc;

    LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the case unless it is there already (a process restarted for the same case keeps its first row). */
    boolean insertCase(LedgerCase c) {
        if (findCase(c.caseNumber()).isPresent()) {
            return false;
        }
        jdbc.update(
                "insert into gf_ledger_case (" + CASE_COLUMNS + ", applied_year, applied_month) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.caseNumber(),
                c.processInstanceId(),
                c.itemCode(),
                c.itemName(),
                c.mode(),
                c.department(),
                c.district(),
                c.channel(),
                c.applicantType(),
                c.commitment(),
                c.onTheSpotAllowed(),
                c.licenceReplacedPaper(),
                c.fee(),
                c.promisedWorkdays(),
                ts(c.appliedAt()),
                ts(c.receivedAt()),
                ts(c.acceptedAt()),
                date(c.promisedDecisionDate()),
                ts(c.decidedAt()),
                ts(c.deliveredAt()),
                ts(c.completedAt()),
                c.outcome(),
                c.approvalRevoked(),
                c.actualWorkdays(),
                c.onTime(),
                c.overdue(),
                c.onTheSpot(),
                c.status(),
                c.appliedAt().getYear(),
                c.appliedAt().getMonthValue());
        return true;
    }

    /** Writes the columns that change while a case runs. */
    void updateProgress(LedgerCase c) {
        jdbc.update(
                "update gf_ledger_case set process_instance_id = ?, received_at = ?, accepted_at = ?, "
                        + "promised_decision_date = ?, decided_at = ?, delivered_at = ?, completed_at = ?, outcome = ?, "
                        + "approval_revoked = ?, actual_workdays = ?, on_time = ?, overdue = ?, on_the_spot = ?, "
                        + "status = ? where case_number = ?",
                c.processInstanceId(),
                ts(c.receivedAt()),
                ts(c.acceptedAt()),
                date(c.promisedDecisionDate()),
                ts(c.decidedAt()),
                ts(c.deliveredAt()),
                ts(c.completedAt()),
                c.outcome(),
                c.approvalRevoked(),
                c.actualWorkdays(),
                c.onTime(),
                c.overdue(),
                c.onTheSpot(),
                c.status(),
                c.caseNumber());
    }

    Optional<LedgerCase> findCase(String caseNumber) {
        return jdbc
                .query(
                        "select " + CASE_COLUMNS + " from gf_ledger_case where case_number = ?",
                        LedgerRepository::mapCase,
                        caseNumber)
                .stream()
                .findFirst();
    }

    private static final String INSERT_STEP = "insert into gf_ledger_step (case_number, task_id, " + STEP_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String END_TASK_STEP = "update gf_ledger_step set assignee = coalesce(?, assignee), "
            + "action = ?, opinion = ?, ended_at = ? where task_id = ? and ended_at is null";

    private static final String END_ACTIVITY_STEP = "update gf_ledger_step set action = ?, ended_at = ? where id = "
            + "(select max(id) from gf_ledger_step where case_number = ? and activity_id = ? and ended_at is null "
            + "and task_id is null)";

    void insertStep(String caseNumber, String taskId, LedgerStep s) {
        jdbc.update(INSERT_STEP, stepValues(caseNumber, taskId, s));
    }

    /** Inserts the steps in their order, in one batch. */
    void insertSteps(List<LedgerTransaction.NewStep> steps) {
        batch(INSERT_STEP, steps, s -> stepValues(s.caseNumber, s.taskId, s.step));
    }

    private static Object[] stepValues(String caseNumber, String taskId, LedgerStep s) {
        return new Object[] {
            caseNumber,
            taskId,
            s.activityId(),
            s.activityType(),
            s.name(),
            s.candidateGroup(),
            s.assignee(),
            s.action(),
            s.opinion(),
            ts(s.startedAt()),
            ts(s.dueAt()),
            ts(s.endedAt())
        };
    }

    /** Closes the open step of a user task. */
    void endTaskStep(LedgerTransaction.TaskEnd end) {
        jdbc.update(END_TASK_STEP, taskEndValues(end));
    }

    /** Closes the open steps of user tasks, in one batch. */
    void endTaskSteps(List<LedgerTransaction.TaskEnd> ends) {
        batch(END_TASK_STEP, ends, LedgerRepository::taskEndValues);
    }

    private static Object[] taskEndValues(LedgerTransaction.TaskEnd end) {
        return new Object[] {end.assignee(), end.action(), end.opinion(), ts(end.endedAt()), end.taskId()};
    }

    /** Closes the newest open step of a waiting state or service task. */
    void endActivityStep(LedgerTransaction.ActivityEnd end) {
        jdbc.update(END_ACTIVITY_STEP, activityEndValues(end));
    }

    /** Closes the newest open steps of waiting states or service tasks, in one batch. */
    void endActivitySteps(List<LedgerTransaction.ActivityEnd> ends) {
        batch(END_ACTIVITY_STEP, ends, LedgerRepository::activityEndValues);
    }

    private static Object[] activityEndValues(LedgerTransaction.ActivityEnd end) {
        return new Object[] {end.action(), ts(end.endedAt()), end.caseNumber(), end.activityId()};
    }

    /** One JDBC batch of a statement, one set of values per row: a single round trip however many rows. */
    private <T> void batch(String sql, List<T> rows, Function<T, Object[]> values) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(values).toList());
        }
    }

    List<LedgerStep> steps(String caseNumber) {
        return jdbc.query(
                "select " + STEP_COLUMNS + " from gf_ledger_step where case_number = ? " + "order by started_at, id",
                LedgerRepository::mapStep,
                caseNumber);
    }

    /** The cases among {@code caseNumbers} that the ledger holds (one query per 500 numbers). */
    List<LedgerCase> findCases(List<String> caseNumbers) {
        return inChunks(
                caseNumbers,
                chunk -> jdbc.query(
                        "select " + CASE_COLUMNS + " from gf_ledger_case where case_number in (" + placeholders(chunk)
                                + ")",
                        LedgerRepository::mapCase,
                        chunk.toArray()));
    }

    /** The open steps (no end yet) of the cases among {@code caseNumbers}, in order, keyed by case number. */
    List<Map.Entry<String, LedgerStep>> openSteps(List<String> caseNumbers) {
        return inChunks(
                caseNumbers,
                chunk -> jdbc.query(
                        "select case_number, " + STEP_COLUMNS
                                + " from gf_ledger_step where ended_at is null and case_number in ("
                                + placeholders(chunk)
                                + ") order by started_at, id",
                        (rs, row) -> Map.entry(rs.getString("case_number"), mapStep(rs, row)),
                        chunk.toArray()));
    }

    private static <T> List<T> inChunks(List<String> keys, Function<List<String>, List<T>> query) {
        List<T> all = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            all.addAll(query.apply(keys.subList(from, Math.min(keys.size(), from + 500))));
        }
        return all;
    }

    private static String placeholders(List<String> keys) {
        return String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
    }

    private static LedgerCase mapCase(ResultSet rs, int row) throws SQLException {
        return new LedgerCase(
                rs.getString("case_number"),
                rs.getString("process_instance_id"),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("mode"),
                rs.getString("department"),
                rs.getString("district"),
                rs.getString("channel"),
                rs.getString("applicant_type"),
                rs.getBoolean("commitment"),
                rs.getBoolean("on_the_spot_allowed"),
                rs.getBoolean("licence_replaced_paper"),
                rs.getBigDecimal("fee"),
                (Integer) rs.getObject("promised_workdays", Integer.class),
                local(rs, "applied_at"),
                local(rs, "received_at"),
                local(rs, "accepted_at"),
                localDate(rs, "promised_decision_date"),
                local(rs, "decided_at"),
                local(rs, "delivered_at"),
                local(rs, "completed_at"),
                rs.getString("outcome"),
                rs.getBoolean("approval_revoked"),
                rs.getObject("actual_workdays", Integer.class),
                rs.getObject("on_time", Boolean.class),
                rs.getObject("overdue", Boolean.class),
                rs.getBoolean("on_the_spot"),
                rs.getString("status"));
    }

    private static LedgerStep mapStep(ResultSet rs, int row) throws SQLException {
        return new LedgerStep(
                rs.getString("activity_id"),
                rs.getString("activity_type"),
                rs.getString("step_name"),
                rs.getString("candidate_group"),
                rs.getString("assignee"),
                rs.getString("action"),
                rs.getString("opinion"),
                local(rs, "started_at"),
                local(rs, "due_at"),
                local(rs, "ended_at"));
    }

    static Timestamp ts(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
