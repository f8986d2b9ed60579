package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CalendarHealthIndicatorTests {

    private final WorkdayCalendar calendar = WorkdayCalendar.fromClasspath();
    private final CalendarHealthIndicator indicator = new CalendarHealthIndicator(calendar);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R33: health lists the covered years, and no warning while the current year is covered")
    void r33_coveredYears() {
        ClockUtil.setCurrentTime(at(2026, 6, 1));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("coveredYears", calendar.coveredYears())
                .doesNotContainKey("warnings");
        assertThat(health.getDetails().get("coveredYears"))
                .asString()
                .isEqualTo("[2020, 2021, 2022, 2023, 2024, 2025, 2026]");
    }

    @Test
    @DisplayName("R33: a year that fell back to Monday–Friday shows in the health details, status stays UP")
    void r33_fallbackYearInHealth() {
        ClockUtil.setCurrentTime(at(2026, 12, 20));
        calendar.addWorkdays(LocalDate.of(2026, 12, 20), 20); // reaches into 2027

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("fallbackYears")).asString().isEqualTo("[2027]");
        assertThat((List<?>) health.getDetails().get("warnings"))
                .singleElement()
                .asString()
                .startsWith("2027: no holiday data")
                .contains("config/calendar/china-workdays.yaml");
    }

    @Test
    @DisplayName("R33: once the current year has no data, health warns before any deadline falls back")
    void r33_currentYearMissing() {
        ClockUtil.setCurrentTime(at(2027, 1, 4));

        assertThat((List<?>) indicator.health().getDetails().get("warnings"))
                .singleElement()
                .asString()
                .startsWith("2027: no holiday data yet");
    }

    private static Date at(int year, int month, int day) {
        return Date.from(LocalDateTime.of(year, month, day, 9, 0)
                .atZone(WorkdayCalendar.ZONE)
                .toInstant());
    }
}
