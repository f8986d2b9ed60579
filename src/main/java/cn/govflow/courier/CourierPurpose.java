package cn.govflow.courier;

/** Why a parcel travels (R10, R20, R21). */
public enum CourierPurpose {
    RESULT("纸质办理结果"),
    RETURNED_MATERIALS("退件材料"),
    PAPER_MATERIALS("纸质申请材料");

    private final String displayName;

    CourierPurpose(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
