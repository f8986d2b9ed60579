package cn.govflow.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The 16 districts of Shanghai; {@link #code()} is the pinyin id used in group names (window-yangpu). */
public enum District {
    HUANGPU("huangpu", "黄浦区"),
    XUHUI("xuhui", "徐汇区"),
    CHANGNING("changning", "长宁区"),
    JINGAN("jingan", "静安区"),
    PUTUO("putuo", "普陀区"),
    HONGKOU("hongkou", "虹口区"),
    YANGPU("yangpu", "杨浦区"),
    MINHANG("minhang", "闵行区"),
    BAOSHAN("baoshan", "宝山区"),
    JIADING("jiading", "嘉定区"),
    PUDONG("pudong", "浦东新区"),
    JINSHAN("jinshan", "金山区"),
    SONGJIANG("songjiang", "松江区"),
    QINGPU("qingpu", "青浦区"),
    FENGXIAN("fengxian", "奉贤区"),
    CHONGMING("chongming", "崇明区");

    private final String code;
    private final String displayName;

    District(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<District> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
