package cn.govflow.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days (工作日) of the mainland Chinese calendar: Monday to Friday, minus statutory holidays, plus make-up
 * working days (调休), as listed per year in {@code config/calendar/china-workdays.yaml} (R33).
 *
 * <p>A year the file does not list falls back to plain Monday–Friday: a warning is logged once per year and the
 * year shows under {@code fallbackYears} in the {@code calendar} health details, until someone adds the year.
 *
 * <p>Counting: {@link #addWorkdays} never counts its start date, so "20 working days after acceptance" is
 * {@code addWorkdays(acceptance, 20)}, and {@link #workdaysBetween} is its inverse.
 */
public class WorkdayCalendar {

    /** Dates and times of Shanghai cases are read in this zone, whatever the server's default. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(WorkdayCalendar.class);

    private final WorkdayFacts facts;
    private final Set<Integer> fallbackYears = ConcurrentHashMap.newKeySet();

    WorkdayCalendar(WorkdayFacts facts) {
        this.facts = facts;
    }

    /** The calendar of {@code config/calendar/china-workdays.yaml}, for use without Spring. */
    public static WorkdayCalendar fromClasspath() {
        return new WorkdayCalendar(WorkdayFacts.fromClasspath());
    }

    public boolean isWorkday(LocalDate date) {
        WorkdayFacts.DayException exception = facts.exceptions().get(date);
        if (exception != null) {
            return exception.workday();
        }
        if (!facts.coveredYears().contains(date.getYear())) {
            noteFallback(date.getYear());
        }
        return !WorkdayFacts.isWeekend(date);
    }

    /** The holiday a date belongs to, when it is a listed day off or make-up working day. */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(facts.exceptions().get(date)).map(WorkdayFacts.DayException::holiday);
    }

    /**
     * The n-th working day after {@code from}; {@code from} itself is not counted, and need not be a working day.
     * A negative n counts backwards (the n-th working day before {@code from}); 0 returns {@code from}.
     */
    public LocalDate addWorkdays(LocalDate from, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate date = from;
        for (int left = Math.abs(n); left > 0; ) {
            date = date.plusDays(step);
            if (isWorkday(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: {@code workdaysBetween(d,
     * addWorkdays(d, n)) == n}. Negative when {@code to} is before {@code from}.
     */
    public int workdaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workdaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkday(date)) {
                count++;
            }
        }
        return count;
    }

    public int workdaysInYear(int year) {
        return workdaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }

    /** The years {@code china-workdays.yaml} lists. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(facts.coveredYears());
    }

    /** The years that have been asked about without data and were counted Monday–Friday. */
    public SortedSet<Integer> fallbackYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(fallbackYears));
    }

    private void noteFallback(int year) {
        if (fallbackYears.add(year)) {
            LOG.warn(
                    "No holiday data for {} in {}: counting Monday–Friday as working days. Add the year from the "
                            + "State Council's notice on holiday arrangements.",
                    year,
                    WorkdayFacts.LOCATION);
        }
    }

    /** The calendar day of an instant in Shanghai. */
    public static LocalDate toLocalDate(Date date) {
        return date.toInstant().atZone(ZONE).toLocalDate();
    }

    /** 23:59:59 Shanghai time of the day: a deadline on that day is met by anything done that day. */
    public static Date endOfDay(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
    }

    /** 00:00 Shanghai time of the day. */
    public static Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(ZONE).toInstant());
    }
}
