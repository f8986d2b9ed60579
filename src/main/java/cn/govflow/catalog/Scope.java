package cn.govflow.catalog;

import java.util.List;
import java.util.Set;

/** R4: where a delegated item is delegated (下放范围): whole districts and/or new towns. */
public record Scope(Set<District> districts, Set<NewTown> newTowns) {

    public Scope {
        districts = Set.copyOf(districts);
        newTowns = Set.copyOf(newTowns);
    }

    /** The whole district, or a new town inside it, is in scope: the item may be handled somewhere there. */
    public boolean touches(District district) {
        return districts.contains(district) || newTowns.stream().anyMatch(t -> t.district() == district);
    }

    /**
     * An application from {@code district} (and, when given, from {@code newTown} inside it) is in scope: the
     * district as a whole is, or the application names a new town in scope.
     */
    public boolean covers(District district, NewTown newTown) {
        if (districts.contains(district)) {
            return true;
        }
        return newTown != null && newTown.district() == district && newTowns.contains(newTown);
    }

    /** The new towns in scope that lie in {@code district} (where the application must name one, R4). */
    public List<NewTown> newTownsIn(District district) {
        return newTowns.stream().filter(t -> t.district() == district).sorted().toList();
    }
}
