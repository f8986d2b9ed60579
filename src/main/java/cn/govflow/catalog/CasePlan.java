package cn.govflow.catalog;

import java.util.Objects;

/**
 * The plan a case runs by (R22 一事一方案): what its item said when the case started. Intake snapshots it once into
 * the case row ({@code gf_case.plan_*}); the models read it through the {@code casePlan} bean ({@link CasePlans}),
 * so a later catalog change does not alter a running case, and no process variable repeats it.
 */
public record CasePlan(
        ResultType resultType,
        int promisedDays,
        boolean onTheSpot,
        boolean receiptIsAcceptance,
        AcceptanceAt acceptanceAt,
        boolean paperMaterials,
        ClockStart clockStartsAt,
        VoucherIssuer voucherIssuedBy) {

    public CasePlan {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(acceptanceAt, "acceptanceAt");
        Objects.requireNonNull(clockStartsAt, "clockStartsAt");
        Objects.requireNonNull(voucherIssuedBy, "voucherIssuedBy");
        if (promisedDays < 0) {
            throw new IllegalArgumentException("R33: promisedDays must be zero or more working days: " + promisedDays);
        }
    }

    /** The plan of a case of this item, started now. */
    public static CasePlan of(CatalogItem item) {
        return new CasePlan(
                item.resultType(),
                item.promisedDays(),
                item.onTheSpotAllowed(),
                item.receiptIsAcceptance(),
                acceptanceAt(item),
                item.entrustedReceipt() != null && item.entrustedReceipt().paperMaterials(),
                item.clockStartsAt(),
                item.voucherIssuedBy());
    }

    /**
     * R18 names who accepts for entrusted items only; the other modes accept where they decide: the city
     * department (full-online) or the district receiving department (delegated), at the window where receipt
     * is acceptance (R24).
     */
    static AcceptanceAt acceptanceAt(CatalogItem item) {
        if (item.entrustedReceipt() != null) {
            return item.entrustedReceipt().acceptanceAt();
        }
        if (item.receiptIsAcceptance()) {
            return AcceptanceAt.WINDOW;
        }
        return item.mode() == HandlingMode.DELEGATED ? AcceptanceAt.DISTRICT_DEPARTMENT : AcceptanceAt.CITY_DEPARTMENT;
    }

    /**
     * 事项方案 as the entrusted window-receipt form shows it to the clerk (who must tell the applicant): one line
     * per point of the plan.
     */
    public String notice() {
        return "受理地点："
                + switch (acceptanceAt) {
                    case WINDOW -> "综合窗口（收件即受理）";
                    case DISTRICT_DEPARTMENT -> "区承接部门";
                    case CITY_DEPARTMENT -> "市级业务部门";
                }
                + "\n收件凭证：" + voucherIssuedBy.displayName()
                + "\n办理时限：" + promisedDays + " 个工作日，自" + (clockStartsAt == ClockStart.RECEIPT ? "收件" : "受理") + "之日起算"
                + "\n纸质材料：" + (paperMaterials ? "须寄递至市级业务部门" : "无需寄递");
    }
}
