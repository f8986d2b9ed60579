package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkdaysBusinessCalendarTests {

    private static final Date ACCEPTED = Date.from(
            LocalDateTime.of(2026, 2, 10, 10, 0).atZone(WorkdayCalendar.ZONE).toInstant());
    private static final Date DAY_20 = WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16));

    private final Workdays workdays = new Workdays(WorkdayCalendar.fromClasspath());
    private final WorkdaysBusinessCalendar duration =
            WorkdaysBusinessCalendar.wrapping(workdays, new DurationBusinessCalendar());
    private final WorkdaysBusinessCalendar dueDate =
            WorkdaysBusinessCalendar.wrapping(workdays, new DueDateBusinessCalendar());
    private final WorkdaysBusinessCalendar named = WorkdaysBusinessCalendar.named(workdays);

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(ACCEPTED);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R33: '20 workdays', '20 工作日' and '20 个工作日' end on the 20th working day, in timers and task dates")
    void r33_workdayDurations() {
        assertThat(duration.resolveDuedate("20 workdays")).isEqualTo(DAY_20);
        assertThat(duration.resolveDuedate("20 工作日")).isEqualTo(DAY_20);
        assertThat(dueDate.resolveDuedate("20 个工作日", (Task) null)).isEqualTo(DAY_20);
        assertThat(duration.resolveDuedate(" 20 Working Days ", ACCEPTED)).isEqualTo(DAY_20);
        assertThat(named.resolveDuedate("P20D")).isEqualTo(DAY_20);
    }

    @Test
    @DisplayName("everything else stays Camunda's: P20D is 20 calendar days, a date is a date")
    void otherValuesAreCamundas() {
        assertThat(duration.resolveDuedate("P20D"))
                .isEqualTo(Date.from(ACCEPTED.toInstant().plusSeconds(20 * 86400)));
        assertThat(duration.resolveDuedate("PT1H"))
                .isEqualTo(Date.from(ACCEPTED.toInstant().plusSeconds(3600)));
        assertThat(dueDate.resolveDuedate("2026-05-01T09:00:00")).isNotNull();
        assertThatThrownBy(() -> named.resolveDuedate("PT1H"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("20 workdays");
    }

    @Test
    @DisplayName("R33: ${workdays.after(date, n)} and ${workdays.fromNow(n)} give the end of that working day")
    void r33_expressionBean() {
        assertThat(workdays.after(ACCEPTED, 20)).isEqualTo(DAY_20);
        assertThat(workdays.fromNow(20)).isEqualTo(DAY_20);
        assertThatThrownBy(() -> workdays.after(null, 20))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("acceptedAt");
    }
}
