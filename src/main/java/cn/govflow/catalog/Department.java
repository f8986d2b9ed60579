package cn.govflow.catalog;

/** A city department of the catalog and the name of its district counterpart. */
public record Department(String code, String name, String districtName) {

    public String cityGroup() {
        return cityGroup(code);
    }

    public String districtGroup(District district) {
        return districtGroup(district.code(), code);
    }

    /** The city department's candidate group, {@code city-<department>}. */
    public static String cityGroup(String departmentCode) {
        return "city-" + departmentCode;
    }

    /** A district's receiving department's candidate group, {@code dept-<district>-<department>}. */
    public static String districtGroup(String districtCode, String departmentCode) {
        return "dept-" + districtCode + "-" + departmentCode;
    }
}
