package cn.govflow.application;

import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Who calls the API: the Camunda user id and groups of the authenticated principal. */
record Caller(String userId, List<String> groups) {

    static final String PORTAL = Groups.PORTAL;
    static final String SUPERVISOR = Groups.SUPERVISOR;
    static final String ADMIN = Groups.ADMIN;
    static final String WINDOW_PREFIX = Groups.WINDOW_PREFIX;

    static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), Authorities.groupsOf(authentication));
    }

    boolean isIn(String group) {
        return groups.contains(group);
    }

    /** The districts whose window the caller works at ({@code window-yangpu} → yangpu). */
    List<String> windowDistricts() {
        return groups.stream()
                .filter(g -> g.startsWith(WINDOW_PREFIX))
                .map(g -> g.substring(WINDOW_PREFIX.length()))
                .toList();
    }

    /** {@code city-<dept>} → dept. */
    List<String> cityDepartments() {
        return groups.stream()
                .filter(g -> g.startsWith("city-"))
                .map(g -> g.substring("city-".length()))
                .toList();
    }

    /** {@code dept-<district>-<dept>} → (district, dept); district codes have no hyphen, department codes may. */
    List<DistrictDepartment> districtDepartments() {
        return groups.stream()
                .filter(g -> g.startsWith("dept-"))
                .map(g -> g.substring("dept-".length()))
                .map(Caller::split)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<DistrictDepartment> split(String rest) {
        int dash = rest.indexOf('-');
        return dash <= 0 || dash == rest.length() - 1
                ? Optional.empty()
                : Optional.of(new DistrictDepartment(rest.substring(0, dash), rest.substring(dash + 1)));
    }

    record DistrictDepartment(String district, String department) {}
}
