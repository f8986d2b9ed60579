package cn.govflow.calendar;

import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;

/**
 * Working days for the engine's business calendars. Camunda 7 picks a timer's calendar by the timer's type
 * (timeDate: {@code dueDate}, timeDuration: {@code duration}, timeCycle: {@code cycle}) and a task's due and
 * follow-up dates always with {@code dueDate}; BPMN has no attribute to name another calendar. So the plugin
 * wraps {@code duration} and {@code dueDate}: a value like {@code 20 workdays} (or {@code 20 工作日}) means the
 * end (23:59:59 Asia/Shanghai) of the 20th working day after today; every other value (ISO 8601
 * {@code P20D}, {@code PT1H}, a date) goes to Camunda's own calendar unchanged.
 *
 * <p>The same calendar is registered under the name {@value #NAME} for code that asks the
 * {@code BusinessCalendarManager} directly; under that name {@code P20D} also counts working days.
 */
final class WorkdaysBusinessCalendar implements BusinessCalendar {

    static final String NAME = "workdays";

    private static final Pattern WORKDAYS =
            Pattern.compile("^\\s*(\\d+)\\s*(?:workdays?|working days?|个?工作日)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DAYS = Pattern.compile("^\\s*P(\\d+)D\\s*$");

    private final Workdays workdays;
    private final BusinessCalendar fallback;
    private final boolean isoDaysAreWorkdays;

    private WorkdaysBusinessCalendar(Workdays workdays, BusinessCalendar fallback, boolean isoDaysAreWorkdays) {
        this.workdays = workdays;
        this.fallback = fallback;
        this.isoDaysAreWorkdays = isoDaysAreWorkdays;
    }

    /** {@value #NAME}: {@code 20 workdays} and {@code P20D} both count working days. */
    static WorkdaysBusinessCalendar named(Workdays workdays) {
        return new WorkdaysBusinessCalendar(workdays, null, true);
    }

    /** Camunda's calendar, taught {@code 20 workdays}; anything else is left to it. */
    static WorkdaysBusinessCalendar wrapping(Workdays workdays, BusinessCalendar camundas) {
        return new WorkdaysBusinessCalendar(workdays, camundas, false);
    }

    @Override
    public Date resolveDuedate(String description) {
        return workdaysIn(description)
                .map(workdays::fromNow)
                .orElseGet(() -> fallback(description).resolveDuedate(description));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return workdaysIn(description)
                .map(workdays::fromNow)
                .orElseGet(() -> fallback(description).resolveDuedate(description, task));
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Date start = startDate == null ? EngineClock.SHANGHAI.date() : startDate;
        return workdaysIn(description)
                .map(n -> workdays.after(start, n))
                .orElseGet(() -> fallback(description).resolveDuedate(description, startDate));
    }

    Optional<Integer> workdaysIn(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = WORKDAYS.matcher(description);
        if (matcher.matches()) {
            return Optional.of(Integer.valueOf(matcher.group(1)));
        }
        matcher = ISO_DAYS.matcher(description);
        if (isoDaysAreWorkdays && matcher.matches()) {
            return Optional.of(Integer.valueOf(matcher.group(1)));
        }
        return Optional.empty();
    }

    private BusinessCalendar fallback(String description) {
        if (fallback == null) {
            throw new ProcessEngineException("business calendar '" + NAME + "' cannot read '" + description
                    + "'; write a number of working days, e.g. '20 workdays' or 'P20D'");
        }
        return fallback;
    }
}
