package cn.govflow.calendar;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The {@code workdays} bean of BPMN expressions, for timers and task dates counted in working days:
 * <pre>
 * ${workdays.after(acceptedAt, 20)}   end of the 20th working day after the date in variable acceptedAt
 * ${workdays.fromNow(3)}              end of the 3rd working day after today
 * </pre>
 * Both return a {@link Date} at 23:59:59 Asia/Shanghai of that working day: a deadline is met by anything done on
 * the day, and a timer at that instant fires once the day is over.
 */
public class Workdays {

    private final WorkdayCalendar calendar;

    public Workdays(WorkdayCalendar calendar) {
        this.calendar = calendar;
    }

    public Date after(Date date, int workdays) {
        if (date == null) {
            throw new ProcessEngineException("${workdays.after(date, " + workdays + ")}: the date is null; "
                    + "name a process variable holding a date, e.g. ${workdays.after(acceptedAt, 20)}");
        }
        return WorkdayCalendar.endOfDay(calendar.addWorkdays(WorkdayCalendar.toLocalDate(date), workdays));
    }

    public Date fromNow(int workdays) {
        return after(EngineClock.SHANGHAI.date(), workdays);
    }
}
