package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.catalog.CasePlans;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseClockTests {

    /** The plan is read from the variables below (promisedDays, clockStartsAt), as a case from before V70 has it. */
    static final CasePlans PLANS = new CasePlans(caseNumber -> Optional.empty(), 0);

    private final CaseClock clock = new CaseClock(WorkdayCalendar.fromClasspath(), 3, PLANS);
    private final Map<String, Object> variables = new HashMap<>();
    private final VariableScope execution = scope(variables);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R33: accepted 2026-02-10 with 20 promised days, the decision is due at the end of 2026-03-16")
    void r33_promisedDecisionDateAcrossSpringFestival() {
        variables.put("promisedDays", 20);
        now(2026, 2, 10, 10, 30);

        clock.start(execution);

        assertThat(variables.get("clockStartedAt")).isEqualTo(at(2026, 2, 10, 10, 30));
        assertThat(variables.get("promisedDecisionDate"))
                .isEqualTo(WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16)));
        // Flags are written when they say something: a clock that just started is neither paused, extended nor late.
        assertThat(variables).doesNotContainKeys("clockPaused", "clockPausedAt", "clockExtended", "overdue");
    }

    @Test
    @DisplayName("R33: without promisedDays the limit is 20 working days; an item may promise fewer")
    void r33_defaultAndShorterPromise() {
        now(2026, 2, 10, 9, 0);
        clock.start(execution);
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 16));

        Map<String, Object> other = new HashMap<>(Map.of("promisedDays", 5L));
        clock.start(scope(other));
        // Feb 11, 12, 13, Sat 14 (调休), then Feb 24 after the holiday.
        assertThat(WorkdayCalendar.toLocalDate((Date) other.get("promisedDecisionDate")))
                .isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    @DisplayName("R33: a repeated start listener does not restart a running clock")
    void r33_startIsIdempotent() {
        now(2026, 2, 10, 9, 0);
        clock.start(execution);
        now(2026, 3, 2, 9, 0);
        clock.start(execution);
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    @DisplayName("R16: the clock starts at receipt or at acceptance, as the item says")
    void r16_clockStartsWhereTheItemSays() {
        variables.put("clockStartsAt", "ACCEPTANCE");
        now(2026, 3, 2, 9, 0);
        assertThat(clock.start(execution, "RECEIPT")).isNull();
        assertThat(variables).doesNotContainKey("promisedDecisionDate");

        now(2026, 3, 4, 9, 0);
        clock.start(execution, "ACCEPTANCE");
        assertThat(variables.get("clockStartedAt")).isEqualTo(at(2026, 3, 4, 9, 0));

        Map<String, Object> atReceipt = new HashMap<>(Map.of("clockStartsAt", "RECEIPT"));
        assertThat(clock.start(scope(atReceipt), "RECEIPT")).isNotNull();
        Map<String, Object> unspecified = new HashMap<>();
        assertThat(clock.start(scope(unspecified), "RECEIPT")).isNull();
        assertThat(clock.start(scope(unspecified), "ACCEPTANCE")).isNotNull();
    }

    @Test
    @DisplayName("R33: a 补正 pause of 7 calendar days moves the deadline by exactly the 5 working days it covered")
    void r33_supplementPauseMovesDeadlineByCoveredWorkdays() {
        now(2026, 2, 10, 10, 0);
        clock.start(execution);

        now(2026, 3, 2, 15, 0); // Monday: notice to supplement (补正)
        clock.pause(execution);
        assertThat(variables).containsKey("clockPausedAt").doesNotContainKey("clockPaused");

        now(2026, 3, 9, 11, 0); // next Monday: materials arrive; Mar 3, 4, 5, 6 and 9 were not counted
        int covered = clock.resume(execution);

        assertThat(covered).isEqualTo(5);
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(variables).doesNotContainKey("clockPausedAt").containsEntry("pausedWorkdays", 5);
        // 10 days counted before the pause (Feb 11 … Mar 2), 10 after (Mar 10 … Mar 23): 20 in all.
        WorkdayCalendar calendar = WorkdayCalendar.fromClasspath();
        assertThat(calendar.workdaysBetween(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 2))
                        + calendar.workdaysBetween(LocalDate.of(2026, 3, 9), promisedDay()))
                .isEqualTo(20);
    }

    @Test
    @DisplayName("R27: a special procedure over the Spring Festival covers only its 2 working days")
    void r27_pauseOverHolidayCountsOnlyWorkdays() {
        now(2026, 1, 20, 10, 0);
        clock.start(execution);
        LocalDate before = promisedDay();

        now(2026, 2, 12, 10, 0); // Thursday: 现场踏勘 begins
        clock.pause(execution);
        clock.pause(execution); // a second pause listener changes nothing
        now(2026, 2, 19, 10, 0); // 7 calendar days later: Feb 13 and Sat 14 (调休) worked, Feb 15–19 holiday

        assertThat(clock.resume(execution)).isEqualTo(2);
        assertThat(clock.resume(execution)).isZero();
        assertThat(promisedDay()).isEqualTo(WorkdayCalendar.fromClasspath().addWorkdays(before, 2));
    }

    @Test
    @DisplayName("R33: decided on the promised day is on time (按期办结); one working day later is overdue (超期办结)")
    void r33_onTimeAndOverdue() {
        now(2026, 2, 10, 10, 0);
        clock.start(execution);
        now(2026, 3, 16, 23, 30);
        assertThat(clock.stop(execution)).isTrue();
        assertThat(variables)
                .containsEntry("overdue", false)
                .doesNotContainKey("onTime")
                .containsEntry("decidedAt", at(2026, 3, 16, 23, 30));

        Map<String, Object> late = new HashMap<>();
        now(2026, 2, 10, 10, 0);
        clock.start(scope(late));
        now(2026, 3, 17, 9, 0); // the next working day
        assertThat(clock.stop(scope(late))).isFalse();
        assertThat(late).containsEntry("overdue", true).doesNotContainKey("onTime");
    }

    @Test
    @DisplayName("R33: decided while still paused, the pause ends first")
    void r33_stopDuringPause() {
        now(2026, 2, 10, 10, 0);
        clock.start(execution);
        now(2026, 3, 12, 10, 0);
        clock.pause(execution);
        now(2026, 3, 20, 10, 0); // 6 working days later, after the original deadline Mar 16
        assertThat(clock.stop(execution)).isTrue();
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 24));
    }

    @Test
    @DisplayName("R33: one extension adds 10 working days; a second is refused with a clear message")
    void r33_oneExtensionOnly() {
        variables.put("caseNumber", "YW-2026-000042");
        now(2026, 2, 10, 10, 0);
        clock.start(execution);

        clock.extend(execution);

        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(variables).containsEntry("clockExtended", true);
        assertThatThrownBy(() -> clock.extend(execution))
                .isInstanceOf(CaseClockException.class)
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("R33")
                .hasMessageContaining("YW-2026-000042")
                .hasMessageContaining("already extended once");
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    @DisplayName("R33: the follow-up date is 3 working days before the deadline, at the start of that day")
    void r33_warningDate() {
        now(2026, 2, 10, 10, 0);
        clock.start(execution);

        assertThat(clock.warningDate(execution)).isEqualTo(WorkdayCalendar.startOfDay(LocalDate.of(2026, 3, 11)));
        assertThat(new CaseClock(WorkdayCalendar.fromClasspath(), 10, PLANS).warningDate(execution))
                .isEqualTo(WorkdayCalendar.startOfDay(LocalDate.of(2026, 3, 2)));
    }

    @Test
    @DisplayName("R33: the deadline timer marks the case overdue, but not before the (moved) deadline or while paused")
    void r33_markOverdue() {
        now(2026, 2, 10, 10, 0);
        clock.start(execution);

        now(2026, 3, 16, 12, 0);
        assertThat(clock.markOverdue(execution)).isFalse();
        now(2026, 3, 16, 23, 59);
        clock.pause(execution);
        now(2026, 3, 17, 0, 0);
        assertThat(clock.markOverdue(execution)).isFalse();
        clock.resume(execution);
        assertThat(promisedDay()).isEqualTo(LocalDate.of(2026, 3, 17));
        now(2026, 3, 18, 0, 0);
        assertThat(clock.markOverdue(execution)).isTrue();
        assertThat(variables).containsEntry("overdue", true).doesNotContainKey("decidedAt");
    }

    @Test
    @DisplayName("operations that need a running clock say so; pause and resume before the start do nothing")
    void needsAStartedClock() {
        clock.pause(execution);
        assertThat(clock.resume(execution)).isZero();
        assertThat(clock.markOverdue(execution)).isFalse();
        assertThatThrownBy(() -> clock.stop(execution))
                .isInstanceOf(CaseClockException.class)
                .hasMessageContaining("caseClock.start(execution)");
        assertThatThrownBy(() -> clock.extend(execution)).isInstanceOf(CaseClockException.class);
        assertThatThrownBy(() -> clock.warningDate(execution)).isInstanceOf(CaseClockException.class);
        variables.put("promisedDays", -1);
        assertThatThrownBy(() -> clock.start(execution))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("promisedDays");
    }

    private LocalDate promisedDay() {
        return WorkdayCalendar.toLocalDate((Date) variables.get("promisedDecisionDate"));
    }

    private static void now(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(at(year, month, day, hour, minute));
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute)
                .atZone(WorkdayCalendar.ZONE)
                .toInstant());
    }

    /** A process instance's variables, as far as the clock uses them. */
    static VariableScope scope(Map<String, Object> variables) {
        variables.putIfAbsent(CasePlans.RESULT_TYPE, "E_LICENCE");
        return (VariableScope) Proxy.newProxyInstance(
                CaseClockTests.class.getClassLoader(),
                new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> variables.get((String) args[0]);
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "hasVariable" -> variables.containsKey((String) args[0]);
                    case "removeVariable" -> variables.remove((String) args[0]);
                    case "toString" -> "VariableScope" + variables;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
