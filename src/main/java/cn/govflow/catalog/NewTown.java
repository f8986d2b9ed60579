package cn.govflow.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The five new towns (五个新城) a delegated item's scope may name (R4); each lies in one district. */
public enum NewTown {
    JIADING_NEW_TOWN("jiading-new-town", "嘉定新城", District.JIADING),
    QINGPU_NEW_TOWN("qingpu-new-town", "青浦新城", District.QINGPU),
    SONGJIANG_NEW_TOWN("songjiang-new-town", "松江新城", District.SONGJIANG),
    FENGXIAN_NEW_TOWN("fengxian-new-town", "奉贤新城", District.FENGXIAN),
    NANHUI_NEW_TOWN("nanhui-new-town", "南汇新城", District.PUDONG);

    private final String code;
    private final String displayName;
    private final District district;

    NewTown(String code, String displayName, District district) {
        this.code = code;
        this.displayName = displayName;
        this.district = district;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public District district() {
        return district;
    }

    public static Optional<NewTown> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
