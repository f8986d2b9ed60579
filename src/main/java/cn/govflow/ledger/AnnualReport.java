package cn.govflow.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual licensing report (R32, the figures of 004 §二) for one year of a district, a department or the whole
 * city, read from the case ledger. A case counts in the year it was applied for.
 */
public record AnnualReport(
        int year,
        String district,
        String districtName,
        String department,
        String departmentName,
        Instant generatedAt,
        Figures figures,
        Ratings ratings,
        List<Reconciliation> reconciliation,
        List<DepartmentFigures> byDepartment,
        List<MonthFigures> byMonth) {

    /**
     * The figures of R32 and what closes the accounts:
     * applications = accepted + notAccepted + refused + withdrawnBeforeAcceptance + awaitingAcceptance, and
     * accepted = approved + notApproved + withdrawnAfterAcceptance + awaitingDecision.
     */
    public record Figures(
            long applications,
            long accepted,
            long notAccepted,
            long approved,
            long notApproved,
            long acceptedOnline,
            long fullyOnline,
            long commitment,
            long onTheSpot,
            long onTime,
            long overdue,
            long feeCases,
            BigDecimal feeTotal,
            long windowReceipts,
            long windowReceiptsWithLicence,
            BigDecimal licenceReplacedPaperRate,
            long refused,
            long withdrawnBeforeAcceptance,
            long awaitingAcceptance,
            long withdrawnAfterAcceptance,
            long awaitingDecision) {

        static Figures of(long[] n, BigDecimal feeTotal) {
            return new Figures(
                    n[0],
                    n[1],
                    n[2],
                    n[3],
                    n[4],
                    n[5],
                    n[6],
                    n[7],
                    n[8],
                    n[9],
                    n[10],
                    n[11],
                    feeTotal,
                    n[12],
                    n[13],
                    rate(n[13], n[12]),
                    n[14],
                    n[15],
                    n[16],
                    n[17],
                    n[18]);
        }

        /** Percent with two decimals (22.26), null when there were no window receipts. */
        static BigDecimal rate(long part, long whole) {
            return whole == 0
                    ? null
                    : BigDecimal.valueOf(part)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
        }

        /** Column name → value, in the report's order (CSV and HTML). */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("applications", applications);
            m.put("accepted", accepted);
            m.put("notAccepted", notAccepted);
            m.put("approved", approved);
            m.put("notApproved", notApproved);
            m.put("acceptedOnline", acceptedOnline);
            m.put("fullyOnline", fullyOnline);
            m.put("commitment", commitment);
            m.put("onTheSpot", onTheSpot);
            m.put("onTime", onTime);
            m.put("overdue", overdue);
            m.put("feeCases", feeCases);
            m.put("feeTotal", feeTotal);
            m.put("windowReceipts", windowReceipts);
            m.put("windowReceiptsWithLicence", windowReceiptsWithLicence);
            m.put("licenceReplacedPaperRate", licenceReplacedPaperRate);
            m.put("refused", refused);
            m.put("withdrawnBeforeAcceptance", withdrawnBeforeAcceptance);
            m.put("awaitingAcceptance", awaitingAcceptance);
            m.put("withdrawnAfterAcceptance", withdrawnAfterAcceptance);
            m.put("awaitingDecision", awaitingDecision);
            return m;
        }

        /** Chinese labels of {@link #asMap()}'s keys, as 004 §二 words them. */
        public static final Map<String, String> LABELS;

        static {
            Map<String, String> l = new LinkedHashMap<>();
            l.put("applications", "申请");
            l.put("accepted", "受理");
            l.put("notAccepted", "不予受理");
            l.put("approved", "批准");
            l.put("notApproved", "不予批准");
            l.put("acceptedOnline", "网上受理");
            l.put("fullyOnline", "全程网办");
            l.put("commitment", "告知承诺");
            l.put("onTheSpot", "当场办结");
            l.put("onTime", "按期办结");
            l.put("overdue", "超期办结");
            l.put("feeCases", "收费办件");
            l.put("feeTotal", "收费金额（元）");
            l.put("windowReceipts", "窗口收件");
            l.put("windowReceiptsWithLicence", "窗口收件中用证免交");
            l.put("licenceReplacedPaperRate", "窗口受理用证免交比率（%）");
            l.put("refused", "不予收件");
            l.put("withdrawnBeforeAcceptance", "受理前撤回");
            l.put("awaitingAcceptance", "待受理");
            l.put("withdrawnAfterAcceptance", "受理后撤回");
            l.put("awaitingDecision", "办理中");
            LABELS = java.util.Collections.unmodifiableMap(l);
        }
    }

    /** 好差评 (R30) of the year's cases: bad means 1–2, good 4–5. */
    public record Ratings(
            long count,
            BigDecimal average,
            long good,
            long neutral,
            long bad,
            long rectified,
            long rectificationOpen) {}

    /** One identity the figures must satisfy, with both sides, so a reader can check the sums. */
    public record Reconciliation(String rule, long left, long right, boolean holds) {}

    public record DepartmentFigures(String department, String name, Figures figures) {}

    public record MonthFigures(int month, Figures figures) {}
}
