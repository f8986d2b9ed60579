package cn.govflow.calendar;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * For process tests of any feature: registers the real {@code workdays} and {@code caseClock} beans with the
 * MockExpressionManager of {@code process-tests.cfg.xml}. Call in {@code @BeforeEach}; {@code Mocks.reset()} after.
 */
public final class CalendarMocks {

    private static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();

    private CalendarMocks() {}

    public static void register() {
        Mocks.register("workdays", new Workdays(CALENDAR));
        Mocks.register("caseClock", new CaseClock(CALENDAR, 3));
    }
}
