package cn.govflow.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For process tests: the case plans intake would snapshot in {@code gf_case}, kept in memory. A test describes a
 * case's plan with variables of the {@link CasePlans} names; {@link #snapshot} takes them out of the start variables
 * into the case's snapshot, as intake does, and the models read it through {@link #casePlans()}.
 */
public final class TestPlans {

    private final Map<String, CasePlan> snapshots = new ConcurrentHashMap<>();
    private final CasePlans casePlans = new CasePlans(caseNumber -> Optional.ofNullable(snapshots.get(caseNumber)), 0);

    /** Bean {@code casePlan} of the process tests. */
    public CasePlans casePlans() {
        return casePlans;
    }

    /** The start variables without the plan, which becomes the snapshot of {@code caseNumber} (a business key). */
    public Map<String, Object> snapshot(String caseNumber, Map<String, Object> startVariables) {
        Map<String, Object> variables = new HashMap<>(startVariables);
        Map<String, Object> plan = new HashMap<>();
        CasePlans.VARIABLES.forEach(name -> {
            if (variables.containsKey(name)) {
                plan.put(name, variables.remove(name));
            }
        });
        CasePlan snapshot = CasePlans.fromVariables(plan::get);
        if (snapshot == null) {
            throw new IllegalArgumentException("a test case needs at least a resultType in its plan");
        }
        snapshots.put(caseNumber, snapshot);
        return variables;
    }
}
