package cn.govflow.security;

import cn.govflow.catalog.Department;
import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.catalog.District;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every group govflow routes work to, with its Chinese display name and Camunda group type. */
@Component
public class Groups {

    public static final String SUPERVISOR = "supervisor";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String PORTAL = "portal";
    public static final String COURIER = "courier";
    public static final String ADMIN = "camunda-admin";
    /** Operators' monitoring (Prometheus): reads /actuator/prometheus, nothing else. */
    public static final String MONITORING = "monitoring";

    public static final String WINDOW_PREFIX = "window-";
    public static final String CHIEF_PREFIX = "chief-";

    public record GroupDef(String id, String name, String type) {}

    private final List<GroupDef> all;

    Groups(DepartmentDirectory departments) {
        List<GroupDef> list = new ArrayList<>();
        list.add(new GroupDef(SUPERVISOR, "监管（审改办、市级部门）", "SYSTEM"));
        list.add(new GroupDef(PROCESS_OWNER, "流程管理员", "SYSTEM"));
        list.add(new GroupDef(PORTAL, "一网通办总门户", "SYSTEM"));
        list.add(new GroupDef(COURIER, "统一物流平台", "SYSTEM"));
        list.add(new GroupDef(MONITORING, "运行监控（Prometheus）", "SYSTEM"));
        for (District district : District.values()) {
            list.add(new GroupDef(window(district), district.displayName() + "政务服务中心综合窗口", "WORKFLOW"));
            list.add(new GroupDef(CHIEF_PREFIX + district.code(), district.displayName() + "首席事务代表", "WORKFLOW"));
        }
        for (Department department : departments.all()) {
            list.add(new GroupDef(department.cityGroup(), department.name(), "WORKFLOW"));
            for (District district : District.values()) {
                list.add(new GroupDef(
                        department.districtGroup(district),
                        district.displayName() + department.districtName().replaceFirst("^区", ""),
                        "WORKFLOW"));
            }
        }
        this.all = List.copyOf(list);
    }

    public static String window(District district) {
        return WINDOW_PREFIX + district.code();
    }

    /** All groups except {@code camunda-admin}, which {@link IdentityBootstrap} creates with the admin. */
    public List<GroupDef> all() {
        return all;
    }
}
