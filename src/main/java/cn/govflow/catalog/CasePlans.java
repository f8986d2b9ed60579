package cn.govflow.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Bean {@code casePlan}: the plan of the case an execution belongs to (R22), as the models ask for it.
 *
 * <pre>
 * ${casePlan.onTheSpot(execution)}             可当场办结 (R25)
 * ${casePlan.receiptIsAcceptance(execution)}   收件即受理 (R24)
 * ${casePlan.acceptanceAt(execution)}          WINDOW, DISTRICT_DEPARTMENT or CITY_DEPARTMENT (R18)
 * ${casePlan.paperMaterials(execution)}        paper materials travel to the city department (R19)
 * ${casePlan.resultType(execution)}            E_LICENCE, PAPER_LICENCE or NONE
 * ${casePlan.clockStartsAtReceipt(execution)}  the time limit runs from receipt, not acceptance (R16)
 * ${casePlan.acceptedAtTheWindow(execution)}   the window accepts: receipt is acceptance, or R18 says WINDOW
 * ${casePlan.paperToCity(execution)}           paper materials travel to the accepting city department (R19)
 * ${casePlan.acceptingGroup(execution)}        the candidate group of 受理 in the entrusted model (R18)
 * </pre>
 *
 * The plan is looked up by the case number (the process instance's business key) in the case's snapshot, made once
 * by intake. Snapshots never change, so they are cached. A case started before snapshots existed (govflow before
 * migration V70) still carries its plan in process variables of the same names; those are read instead.
 */
public class CasePlans {

    /** The names under which cases started before V70 carry their plan as process variables. */
    public static final String RESULT_TYPE = "resultType";

    public static final String PROMISED_DAYS = "promisedDays";
    public static final String ON_THE_SPOT = "onTheSpot";
    public static final String RECEIPT_IS_ACCEPTANCE = "receiptIsAcceptance";
    public static final String ACCEPTANCE_AT = "acceptanceAt";
    public static final String PAPER_MATERIALS = "paperMaterials";
    public static final String CLOCK_STARTS_AT = "clockStartsAt";
    public static final String VOUCHER_ISSUED_BY = "voucherIssuedBy";

    /** All eight names, in the order of {@link CasePlan}'s components. */
    public static final List<String> VARIABLES = List.of(
            RESULT_TYPE,
            PROMISED_DAYS,
            ON_THE_SPOT,
            RECEIPT_IS_ACCEPTANCE,
            ACCEPTANCE_AT,
            PAPER_MATERIALS,
            CLOCK_STARTS_AT,
            VOUCHER_ISSUED_BY);

    private static final int CACHED_PLANS = 10_000;

    private final Function<String, Optional<CasePlan>> snapshots;
    private final int cachedPlans;
    private final Map<String, CasePlan> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CasePlan> eldest) {
            return size() > cachedPlans;
        }
    });

    /** @param snapshots the snapshot of a case number, if the case has one */
    public CasePlans(Function<String, Optional<CasePlan>> snapshots) {
        this(snapshots, CACHED_PLANS);
    }

    /** @param cachedPlans how many plans to keep in memory (0: ask {@code snapshots} every time) */
    public CasePlans(Function<String, Optional<CasePlan>> snapshots, int cachedPlans) {
        this.snapshots = snapshots;
        this.cachedPlans = cachedPlans;
    }

    /** The plan of the case that {@code scope} (an execution or a task) belongs to; fails if it has none. */
    public CasePlan of(VariableScope scope) {
        return find(scope)
                .orElseThrow(() -> new IllegalStateException("case " + businessKey(scope) + " has no plan: neither a"
                        + " snapshot in gf_case nor the plan variables of a case started before V70"));
    }

    /** The plan of the case that {@code scope} belongs to, if it has one (a process started around intake has none). */
    public Optional<CasePlan> find(VariableScope scope) {
        String caseNumber = businessKey(scope);
        CasePlan cached = caseNumber == null ? null : cache.get(caseNumber);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CasePlan> snapshot = caseNumber == null ? Optional.empty() : snapshots.apply(caseNumber);
        if (snapshot.isPresent()) {
            cache.put(caseNumber, snapshot.get());
            return snapshot;
        }
        return fromVariables(scope);
    }

    public boolean onTheSpot(VariableScope scope) {
        return of(scope).onTheSpot();
    }

    public boolean receiptIsAcceptance(VariableScope scope) {
        return of(scope).receiptIsAcceptance();
    }

    public String acceptanceAt(VariableScope scope) {
        return of(scope).acceptanceAt().name();
    }

    public boolean paperMaterials(VariableScope scope) {
        return of(scope).paperMaterials();
    }

    public String resultType(VariableScope scope) {
        return of(scope).resultType().name();
    }

    public boolean clockStartsAtReceipt(VariableScope scope) {
        return of(scope).clockStartsAt() == ClockStart.RECEIPT;
    }

    public boolean acceptedAtTheWindow(VariableScope scope) {
        CasePlan plan = of(scope);
        return plan.receiptIsAcceptance() || plan.acceptanceAt() == AcceptanceAt.WINDOW;
    }

    public boolean paperToCity(VariableScope scope) {
        CasePlan plan = of(scope);
        return plan.acceptanceAt() == AcceptanceAt.CITY_DEPARTMENT && plan.paperMaterials();
    }

    /**
     * Who accepts an entrusted case (R18): the city department ({@code city-<department>}) or the district's
     * receiving department ({@code dept-<district>-<department>}), from the case's variables district and
     * department.
     */
    public String acceptingGroup(VariableScope scope) {
        String department = String.valueOf(scope.getVariable("department"));
        return of(scope).acceptanceAt() == AcceptanceAt.CITY_DEPARTMENT
                ? Department.cityGroup(department)
                : Department.districtGroup(String.valueOf(scope.getVariable("district")), department);
    }

    /** The case number of the process a listener or bean runs in: its business key, as the intake starts it. */
    public static String businessKey(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof DelegateTask task && task.getExecution() != null) {
            return task.getExecution().getProcessBusinessKey();
        }
        return null;
    }

    /** A case started before V70: its plan is in the variables intake wrote then. */
    private static Optional<CasePlan> fromVariables(VariableScope scope) {
        return Optional.ofNullable(fromVariables(scope::getVariable));
    }

    /**
     * A plan from variables of the names above (cases started before V70, and process tests that describe a case's
     * plan that way); null without {@code resultType}. The others default as an item without them does.
     */
    public static CasePlan fromVariables(Function<String, Object> variable) {
        Object resultType = variable.apply(RESULT_TYPE);
        if (resultType == null) {
            return null;
        }
        return new CasePlan(
                ResultType.valueOf(resultType.toString()),
                number(variable.apply(PROMISED_DAYS), 20),
                Boolean.TRUE.equals(variable.apply(ON_THE_SPOT)),
                Boolean.TRUE.equals(variable.apply(RECEIPT_IS_ACCEPTANCE)),
                AcceptanceAt.valueOf(text(variable, ACCEPTANCE_AT, AcceptanceAt.CITY_DEPARTMENT.name())),
                Boolean.TRUE.equals(variable.apply(PAPER_MATERIALS)),
                ClockStart.valueOf(text(variable, CLOCK_STARTS_AT, ClockStart.ACCEPTANCE.name())),
                VoucherIssuer.valueOf(text(variable, VOUCHER_ISSUED_BY, VoucherIssuer.SERVICE_CENTRE.name())));
    }

    private static String text(Function<String, Object> variable, String name, String otherwise) {
        Object value = variable.apply(name);
        return value == null ? otherwise : value.toString();
    }

    private static int number(Object value, int otherwise) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? otherwise : Integer.parseInt(value.toString().trim());
    }
}
