package cn.govflow.ledger;

import cn.govflow.calendar.Workdays;
import cn.govflow.process.CaseVariables;
import cn.govflow.system.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好差评 (R30): one rating per case once it has its result; a bad rating (1–2) starts the 差评整改 process for the
 * department that handled the case, due in 15 working days.
 */
@Service
public class Ratings {

    public static final String RECTIFICATION_PROCESS = "RatingRectificationProcess";
    public static final int RECTIFICATION_WORKDAYS = 15;

    static final String SCORE = "score";
    static final String RATING_COMMENT = "ratingComment";
    static final String RATING_CHANNEL = "ratingChannel";
    static final String RECTIFICATION_GROUP = "rectificationGroup";
    static final String RECTIFICATION_DUE = "rectificationDue";
    static final String RECTIFICATION_MEASURES = "rectificationMeasures";

    private static final String COLUMNS = "case_number, score, comment, channel, rated_by, rated_at, "
            + "rectification_instance_id, rectification_group, rectification_due, rectified_at, rectification_measures";

    private final JdbcTemplate jdbc;
    private final LedgerRepository ledger;
    private final RuntimeService runtime;
    private final Workdays workdays;
    private final Clock clock;

    Ratings(JdbcTemplate jdbc, LedgerRepository ledger, RuntimeService runtime, Workdays workdays, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.runtime = runtime;
        this.workdays = workdays;
    }

    /**
     * Records the rating; the caller has checked that {@code ratedBy} speaks for the applicant.
     *
     * @throws ApiException 404 without a ledger row, 409 before the result or for a second rating
     */
    @Transactional
    public Rating rate(String caseNumber, int score, String comment, RatingChannel channel, String ratedBy) {
        if (score < 1 || score > 5) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "score", "R30", "评价为 1 到 5 分（1–2 分为差评）");
        }
        LedgerCase row = ledger.findCase(caseNumber)
                .orElseThrow(() -> ApiException.notFound("caseNumber", "没有编号为 " + caseNumber + " 的办件"));
        if (!row.hasResult()) {
            throw new ApiException(HttpStatus.CONFLICT, "caseNumber", "R30", "办件 " + caseNumber + " 尚未办结，办结后方可评价");
        }
        if (find(caseNumber).isPresent()) {
            throw alreadyRated(caseNumber);
        }
        Date now = Date.from(clock.instant());
        try {
            jdbc.update(
                    "insert into gf_rating (case_number, score, comment, channel, rated_by, rated_at, district, "
                            + "department) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    caseNumber,
                    score,
                    blankToNull(comment),
                    channel.name(),
                    ratedBy,
                    LedgerRepository.ts(ScopeValues.local(now)),
                    row.district(),
                    row.department());
        } catch (DuplicateKeyException e) {
            throw alreadyRated(caseNumber);
        }
        if (score <= Rating.BAD_AT_MOST) {
            Date due = workdays.after(now, RECTIFICATION_WORKDAYS);
            String group = rectificationGroup(row);
            Map<String, Object> variables = new HashMap<>();
            variables.put(CaseVariables.CASE_NUMBER, caseNumber);
            variables.put(CaseVariables.ITEM_CODE, row.itemCode());
            variables.put(CaseVariables.ITEM_NAME, row.itemName());
            variables.put(CaseVariables.DEPARTMENT, row.department());
            variables.put(CaseVariables.DISTRICT, row.district());
            variables.put(SCORE, score);
            variables.put(RATING_COMMENT, blankToNull(comment) == null ? "（未填写）" : comment.strip());
            variables.put(RATING_CHANNEL, channel.name());
            variables.put(RECTIFICATION_GROUP, group);
            variables.put(RECTIFICATION_DUE, due);
            ProcessInstance instance = runtime.startProcessInstanceByKey(RECTIFICATION_PROCESS, caseNumber, variables);
            jdbc.update(
                    "update gf_rating set rectification_instance_id = ?, rectification_group = ?, "
                            + "rectification_due = ? where case_number = ?",
                    instance.getId(),
                    group,
                    LedgerRepository.ts(ScopeValues.local(due)),
                    caseNumber);
        }
        return find(caseNumber).orElseThrow();
    }

    /** The department that decided rectifies: the district's for delegated items, else the city department. */
    static String rectificationGroup(LedgerCase row) {
        return "DELEGATED".equals(row.mode())
                ? "dept-" + row.district() + "-" + row.department()
                : "city-" + row.department();
    }

    /** Called when the department has finished its rectification (整改). */
    @Transactional
    public void rectified(String caseNumber, String measures) {
        jdbc.update(
                "update gf_rating set rectified_at = ?, rectification_measures = ? where case_number = ?",
                LedgerRepository.ts(LocalDateTime.now(clock)),
                measures,
                caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<Rating> find(String caseNumber) {
        return jdbc
                .query("select " + COLUMNS + " from gf_rating where case_number = ?", Ratings::map, caseNumber)
                .stream()
                .findFirst();
    }

    private static ApiException alreadyRated(String caseNumber) {
        return new ApiException(HttpStatus.CONFLICT, "caseNumber", "R30", "办件 " + caseNumber + " 已评价，每件只能评价一次");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Rating map(ResultSet rs, int row) throws SQLException {
        return new Rating(
                rs.getString("case_number"),
                rs.getInt("score"),
                rs.getString("comment"),
                RatingChannel.valueOf(rs.getString("channel")),
                rs.getString("rated_by"),
                LedgerRepository.local(rs, "rated_at"),
                rs.getString("rectification_instance_id"),
                rs.getString("rectification_group"),
                LedgerRepository.local(rs, "rectification_due"),
                LedgerRepository.local(rs, "rectified_at"),
                rs.getString("rectification_measures"));
    }
}
