package cn.govflow.catalog;

/** R17: who issues the receipt voucher (收件凭证). */
public enum VoucherIssuer {
    ONLINE("在线出具电子收件凭证"),
    DISTRICT_DEPARTMENT("区承接部门出具收件凭证"),
    SERVICE_CENTRE("政务服务中心出具收件凭证");

    private final String displayName;

    VoucherIssuer(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
