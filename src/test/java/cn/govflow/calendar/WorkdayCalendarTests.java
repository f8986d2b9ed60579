package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.system.InvalidConfigurationFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkdayCalendarTests {

    private final WorkdayCalendar calendar = WorkdayCalendar.fromClasspath();

    @Test
    @DisplayName(
            "R33: 20 working days from 2026-02-10 across the Spring Festival and its make-up Saturdays end on 2026-03-16")
    void r33_twentyWorkdaysAcrossSpringFestival2026() {
        // By hand from the State Council's 2026 notice: Feb 11, 12, 13, Sat 14 (调休) = 4; Feb 16–20 and 23 off;
        // Feb 24–27 = 8, Sat 28 (调休) = 9; Mar 2–6 = 14; Mar 9–13 = 19; Mar 16 = 20.
        assertThat(calendar.addWorkdays(LocalDate.of(2026, 2, 10), 20)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    @DisplayName("R33: make-up Saturdays are working days, weekdays of the holiday are not")
    void r33_makeUpDaysAndHolidays() {
        assertThat(calendar.isWorkday(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkday(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.isWorkday(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(calendar.isWorkday(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(calendar.isWorkday(LocalDate.of(2026, 2, 21))).isFalse();
        assertThat(calendar.isWorkday(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(calendar.holiday(LocalDate.of(2026, 2, 17))).contains("春节");
        assertThat(calendar.holiday(LocalDate.of(2026, 3, 2))).isEmpty();
        // 2020: the COVID-19 extension of the Spring Festival (Jan 31 off)
        assertThat(calendar.isWorkday(LocalDate.of(2020, 1, 31))).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({"2020, 249", "2021, 250", "2022, 249", "2023, 249", "2024, 251", "2025, 248", "2026, 248"})
    @DisplayName("R33: working days per year match the official calendar")
    void r33_workdaysPerYear(int year, int workdays) {
        assertThat(calendar.workdaysInYear(year)).isEqualTo(workdays);
        assertThat(calendar.fallbackYears()).isEmpty();
    }

    @Test
    @DisplayName(
            "the start date is not counted; workdaysBetween is the inverse of addWorkdays; negative counts go back")
    void countingConventions() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        assertThat(calendar.addWorkdays(saturday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(calendar.addWorkdays(saturday, 0)).isEqualTo(saturday);
        assertThat(calendar.addWorkdays(LocalDate.of(2026, 3, 16), -3)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(calendar.addWorkdays(LocalDate.of(2026, 2, 24), -1)).isEqualTo(LocalDate.of(2026, 2, 14));
        for (int n = 0; n <= 60; n += 7) {
            LocalDate from = LocalDate.of(2025, 9, 26);
            assertThat(calendar.workdaysBetween(from, calendar.addWorkdays(from, n)))
                    .isEqualTo(n);
        }
        assertThat(calendar.workdaysBetween(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 2, 10)))
                .isEqualTo(-20);
    }

    @Test
    @DisplayName("R33: a year without data falls back to Monday–Friday and is reported once")
    void r33_fallbackYearIsMondayToFriday() {
        assertThat(calendar.coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        // 2027-01-01 is a Friday: a holiday in reality, but without data it counts as a working day.
        assertThat(calendar.isWorkday(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isWorkday(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(calendar.workdaysInYear(2027)).isEqualTo(261);
        assertThat(calendar.fallbackYears()).containsExactly(2027);
        // Crossing into 2027 from covered 2026 days.
        assertThat(calendar.addWorkdays(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    @DisplayName("dates convert in Asia/Shanghai whatever the server's zone; deadlines end at 23:59:59")
    void shanghaiDates() {
        // 2026-03-16 17:00 UTC is already 2026-03-17 01:00 in Shanghai.
        Date lateUtc = Date.from(LocalDate.of(2026, 3, 16).atTime(17, 0).toInstant(ZoneOffset.UTC));
        assertThat(WorkdayCalendar.toLocalDate(lateUtc)).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16)).toInstant())
                .hasToString("2026-03-16T15:59:59Z");
    }

    @Test
    @DisplayName("a mistake in the holiday file stops loading with a message naming the date")
    void rejectsInconsistentFacts() {
        assertThatThrownBy(() -> read("""
                years:
                  2026:
                    - holiday: 春节
                      workedWeekends: [2026-02-16]
                """)).hasMessageContaining("2026-02-16").hasMessageContaining("weekday");
        assertThatThrownBy(() -> read("""
                years:
                  2026:
                    - holiday: 元旦
                      daysOff: [2026-01-01]
                    - holiday: 春节
                      daysOff: [2026-01-01]
                """)).hasMessageContaining("2026-01-01 is listed twice");
        assertThatThrownBy(() -> read("""
                years:
                  2026:
                    - holiday: 国庆节
                      daysOff: [2026-10-03]
                """)).hasMessageContaining("weekend");
    }

    @Test
    @DisplayName("R33: a misspelled key in the holiday file stops loading, naming the file and the key")
    void rejectsUnknownKeys() {
        assertThatThrownBy(() -> read("""
                years:
                  2026:
                    - holiday: 国庆节
                      dayOff: [2026-10-01]
                """)).isInstanceOfSatisfying(InvalidConfigurationFileException.class, e -> {
            assertThat(e.file()).isEqualTo("test.yaml");
            assertThat(e)
                    .hasMessageContaining("unknown key 'dayOff' at years.2026[0]")
                    .hasMessageContaining("daysOff");
        });
        assertThatThrownBy(() -> read("yeras:\n  2026: []\n")).hasMessageContaining("test.yaml: unknown key 'yeras'");
    }

    private static WorkdayFacts read(String yaml) throws Exception {
        return WorkdayFacts.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
