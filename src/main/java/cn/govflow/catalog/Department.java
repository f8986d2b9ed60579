package cn.govflow.catalog;

/** A city department of the catalog and the name of its district counterpart. */
public record Department(String code, String name, String districtName) {

    public String cityGroup() {
        return "city-" + code;
    }

    public String districtGroup(District district) {
        return "dept-" + district.code() + "-" + code;
    }
}
