package cn.govflow.ledger;

import cn.govflow.catalog.Department;
import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.catalog.District;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link AnnualReport}s from the ledger. One pass over the year's rows, grouped by department and
 * month in the database; totals, departments and months are summed from those groups, so the three views
 * cannot disagree. With the (district, applied_year) index a district's 410,646-case year is one index range.
 */
@Service
public class AnnualReports {

    /** The counted figures, in the order of {@link AnnualReport.Figures#of}; the fee total comes last. */
    private static final String FIGURES = """
            count(*),
            sum(case when accepted_at is not null then 1 else 0 end),
            sum(case when outcome = 'NOT_ACCEPTED' then 1 else 0 end),
            sum(case when outcome = 'APPROVED' then 1 else 0 end),
            sum(case when outcome = 'NOT_APPROVED' then 1 else 0 end),
            sum(case when accepted_at is not null and channel = 'ONLINE' then 1 else 0 end),
            sum(case when accepted_at is not null and channel = 'ONLINE' and mode = 'FULL_ONLINE' then 1 else 0 end),
            sum(case when accepted_at is not null and commitment then 1 else 0 end),
            sum(case when on_the_spot then 1 else 0 end),
            sum(case when decided_at is not null and on_time then 1 else 0 end),
            sum(case when decided_at is not null and overdue then 1 else 0 end),
            sum(case when outcome = 'APPROVED' and fee > 0 then 1 else 0 end),
            sum(case when channel = 'WINDOW' and received_at is not null then 1 else 0 end),
            sum(case when channel = 'WINDOW' and received_at is not null and licence_replaced_paper then 1 else 0 end),
            sum(case when outcome = 'REFUSED' then 1 else 0 end),
            sum(case when accepted_at is null and outcome = 'WITHDRAWN' then 1 else 0 end),
            sum(case when accepted_at is null and outcome is null then 1 else 0 end),
            sum(case when accepted_at is not null and outcome = 'WITHDRAWN' then 1 else 0 end),
            sum(case when accepted_at is not null and outcome is null then 1 else 0 end),
            sum(case when outcome = 'APPROVED' then fee else 0 end)
            """;

    private static final int COUNTS = 19;

    private final JdbcTemplate jdbc;
    private final DepartmentDirectory departments;
    private final Clock clock;

    AnnualReports(JdbcTemplate jdbc, DepartmentDirectory departments, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.departments = departments;
    }

    /** @param district a district code or null; @param department a department code or null */
    @Transactional(readOnly = true)
    public AnnualReport report(int year, String district, String department) {
        StringBuilder where = new StringBuilder(" where applied_year = ?");
        List<Object> args = new ArrayList<>(List.of(year));
        if (district != null) {
            where.append(" and district = ?");
            args.add(district);
        }
        if (department != null) {
            where.append(" and department = ?");
            args.add(department);
        }
        Map<String, Group> byDepartment = new TreeMap<>();
        Map<Integer, Group> byMonth = new TreeMap<>();
        Group total = new Group();
        jdbc.query(
                "select department, applied_month, " + FIGURES + " from gf_ledger_case" + where
                        + " group by department, applied_month",
                rs -> {
                    long[] counts = new long[COUNTS];
                    for (int i = 0; i < COUNTS; i++) {
                        counts[i] = rs.getLong(3 + i);
                    }
                    BigDecimal fee = rs.getBigDecimal(3 + COUNTS);
                    total.add(counts, fee);
                    byDepartment
                            .computeIfAbsent(rs.getString(1), d -> new Group())
                            .add(counts, fee);
                    byMonth.computeIfAbsent(rs.getInt(2), m -> new Group()).add(counts, fee);
                },
                args.toArray());
        AnnualReport.Figures figures = total.figures();
        List<AnnualReport.DepartmentFigures> departmentFigures = byDepartment.entrySet().stream()
                .map(e -> new AnnualReport.DepartmentFigures(
                        e.getKey(), departmentName(e.getKey()), e.getValue().figures()))
                .sorted((a, b) ->
                        Long.compare(b.figures().applications(), a.figures().applications()))
                .toList();
        List<AnnualReport.MonthFigures> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(new AnnualReport.MonthFigures(
                    month, byMonth.getOrDefault(month, new Group()).figures()));
        }
        return new AnnualReport(
                year,
                district,
                district == null
                        ? null
                        : District.fromCode(district).map(District::displayName).orElse(district),
                department,
                department == null ? null : departmentName(department),
                clock.instant(),
                figures,
                ratings(where.toString(), args),
                reconciliation(figures),
                departmentFigures,
                months);
    }

    private AnnualReport.Ratings ratings(String where, List<Object> args) {
        String qualified = where.replace("applied_year", "c.applied_year")
                .replace("district", "c.district")
                .replace("department", "c.department");
        return jdbc.query(
                "select count(*), avg(cast(r.score as decimal(5, 2))), "
                        + "sum(case when r.score >= 4 then 1 else 0 end), "
                        + "sum(case when r.score = 3 then 1 else 0 end), "
                        + "sum(case when r.score <= 2 then 1 else 0 end), "
                        + "sum(case when r.rectified_at is not null then 1 else 0 end), "
                        + "sum(case when r.score <= 2 and r.rectified_at is null then 1 else 0 end) "
                        + "from gf_rating r join gf_ledger_case c on c.case_number = r.case_number" + qualified,
                rs -> {
                    rs.next();
                    BigDecimal average = rs.getBigDecimal(2);
                    return new AnnualReport.Ratings(
                            rs.getLong(1),
                            average == null ? null : average.setScale(2, RoundingMode.HALF_UP),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7));
                },
                args.toArray());
    }

    static List<AnnualReport.Reconciliation> reconciliation(AnnualReport.Figures f) {
        return List.of(
                        new AnnualReport.Reconciliation(
                                "申请 = 受理 + 不予受理 + 不予收件 + 受理前撤回 + 待受理",
                                f.applications(),
                                f.accepted()
                                        + f.notAccepted()
                                        + f.refused()
                                        + f.withdrawnBeforeAcceptance()
                                        + f.awaitingAcceptance(),
                                true),
                        new AnnualReport.Reconciliation(
                                "受理 = 批准 + 不予批准 + 受理后撤回 + 办理中",
                                f.accepted(),
                                f.approved() + f.notApproved() + f.withdrawnAfterAcceptance() + f.awaitingDecision(),
                                true),
                        new AnnualReport.Reconciliation(
                                "按期办结 + 超期办结 ≤ 批准 + 不予批准",
                                f.onTime() + f.overdue(),
                                f.approved() + f.notApproved(),
                                true),
                        new AnnualReport.Reconciliation(
                                "全程网办 ≤ 网上受理 ≤ 受理", f.fullyOnline(), Math.min(f.acceptedOnline(), f.accepted()), true))
                .stream()
                .map(r -> new AnnualReport.Reconciliation(
                        r.rule(),
                        r.left(),
                        r.right(),
                        r.rule().contains("≤") ? r.left() <= r.right() : r.left() == r.right()))
                .toList();
    }

    private String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(code);
    }

    /** Sums of the grouped rows. */
    private static final class Group {
        private final long[] counts = new long[COUNTS];
        private BigDecimal fee = BigDecimal.ZERO;

        void add(long[] more, BigDecimal moreFee) {
            for (int i = 0; i < COUNTS; i++) {
                counts[i] += more[i];
            }
            if (moreFee != null) {
                fee = fee.add(moreFee);
            }
        }

        AnnualReport.Figures figures() {
            return AnnualReport.Figures.of(counts, fee.setScale(2, RoundingMode.HALF_UP));
        }
    }
}
