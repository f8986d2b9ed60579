package cn.govflow.calendar;

import cn.govflow.system.ConfigFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;

/**
 * The holiday facts of {@value #LOCATION}: per year the weekdays off and the weekend days worked. Checked when
 * read, so a typo in a newly added year stops start-up instead of moving a deadline.
 */
record WorkdayFacts(Map<LocalDate, DayException> exceptions, SortedSet<Integer> coveredYears) {

    static final String LOCATION = "config/calendar/china-workdays.yaml";

    /** A date that differs from the Monday–Friday rule: a weekday off, or a weekend day worked (调休). */
    record DayException(LocalDate date, boolean workday, String holiday) {}

    private record File(Map<Integer, List<Holiday>> years) {}

    private record Holiday(String holiday, List<String> daysOff, List<String> workedWeekends) {}

    static WorkdayFacts fromClasspath() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return read(in, LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working-day calendar " + LOCATION, e);
        }
    }

    static WorkdayFacts read(InputStream in, String source) throws IOException {
        File file = ConfigFiles.read(in, source, File.class);
        if (file == null || file.years() == null) {
            throw invalid(source, "no `years:`");
        }
        Map<LocalDate, DayException> exceptions = new HashMap<>();
        SortedSet<Integer> covered = new TreeSet<>();
        file.years().forEach((year, holidays) -> {
            covered.add(year);
            for (Holiday holiday : holidays == null ? List.<Holiday>of() : holidays) {
                if (holiday.holiday() == null || holiday.holiday().isBlank()) {
                    throw invalid(source, year + ": an entry has no `holiday` name");
                }
                add(exceptions, holiday.daysOff(), false, holiday.holiday(), source);
                add(exceptions, holiday.workedWeekends(), true, holiday.holiday(), source);
            }
        });
        return new WorkdayFacts(Map.copyOf(exceptions), covered);
    }

    private static void add(
            Map<LocalDate, DayException> exceptions,
            List<String> dates,
            boolean workday,
            String holiday,
            String source) {
        for (String text : dates == null ? List.<String>of() : dates) {
            LocalDate date;
            try {
                date = LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw invalid(source, holiday + ": '" + text + "' is not a date like 2026-10-01");
            }
            if (workday && !isWeekend(date)) {
                throw invalid(source, date + " (" + holiday + ") is under `workedWeekends` but is a weekday anyway");
            }
            if (!workday && isWeekend(date)) {
                throw invalid(source, date + " (" + holiday + ") is under `daysOff` but is a weekend day anyway");
            }
            if (exceptions.putIfAbsent(date, new DayException(date, workday, holiday)) != null) {
                throw invalid(source, date + " is listed twice");
            }
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static IllegalStateException invalid(String source, String message) {
        return new IllegalStateException("invalid working-day calendar " + source + ": " + message);
    }
}
