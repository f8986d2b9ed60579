package cn.govflow.support;

import cn.govflow.application.Deliveries;
import cn.govflow.application.ReceiptVouchers;
import cn.govflow.calendar.CaseClock;
import cn.govflow.calendar.Waits;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.calendar.Workdays;
import cn.govflow.catalog.TestPlans;
import cn.govflow.process.DelegatedReview;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The real beans the models call, for process tests: {@code casePlan} (plans kept in memory, {@link TestPlans}),
 * {@code waits} with the defaults of docs/processes.md, {@code workdays}, {@code caseClock}, {@code deliveries},
 * {@code review} and {@code receiptVouchers}. Register in {@code @BeforeEach}; {@code Mocks.reset()} after.
 */
public final class ModelBeans {

    private static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();

    public final TestPlans plans = new TestPlans();
    public final Workdays workdays = new Workdays(CALENDAR);
    public final CaseClock caseClock;

    private ModelBeans(UnaryOperator<CaseClock> clock) {
        caseClock = clock.apply(new CaseClock(CALENDAR, 3, plans.casePlans()));
        Mocks.register("casePlan", plans.casePlans());
        Mocks.register("waits", new Waits(workdays, Waits.WaitsProperties.DEFAULTS));
        Mocks.register("workdays", workdays);
        Mocks.register("caseClock", caseClock);
        Mocks.register("deliveries", new Deliveries(plans.casePlans(), caseNumber -> Optional.empty()));
        Mocks.register("review", new DelegatedReview());
        Mocks.register("receiptVouchers", new ReceiptVouchers(plans.casePlans()));
    }

    public static ModelBeans register() {
        return new ModelBeans(UnaryOperator.identity());
    }

    /** With a case clock the test wraps, e.g. {@code Mockito::spy}. */
    public static ModelBeans register(UnaryOperator<CaseClock> clock) {
        return new ModelBeans(clock);
    }

    /**
     * Starts a case as intake does: the plan variables ({@link cn.govflow.catalog.CasePlans} names) become the
     * case's snapshot, the rest are the start variables.
     */
    public ProcessInstance start(String processId, String caseNumber, Map<String, Object> variables) {
        return BpmnAwareTests.runtimeService()
                .startProcessInstanceByKey(processId, caseNumber, plans.snapshot(caseNumber, variables));
    }
}
