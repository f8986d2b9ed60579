package cn.govflow.catalog;

import java.util.Set;

/** R5: who receives an entrusted item: every district's counterpart, or only the named districts. */
public record Receivers(boolean allDistricts, Set<District> districts, String name) {

    public Receivers {
        districts = Set.copyOf(districts);
    }

    public boolean includes(District district) {
        return allDistricts || districts.contains(district);
    }
}
