package cn.govflow.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code calendar}: the years with holiday data and those counted Monday–Friday
 * for want of it. Always UP — a missing year still gives usable (if slightly wrong) deadlines and must not take
 * the application out of a load balancer — with a {@code warnings} detail for the operator: a year that fell
 * back, and the current year when the file does not list it yet.
 */
@Component("calendarHealthIndicator")
class CalendarHealthIndicator implements HealthIndicator {

    private final WorkdayCalendar calendar;

    CalendarHealthIndicator(WorkdayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        SortedSet<Integer> covered = calendar.coveredYears();
        SortedSet<Integer> fellBack = calendar.fallbackYears();
        List<String> warnings = new ArrayList<>();
        for (int year : fellBack) {
            warnings.add(year + ": no holiday data, counted Monday–Friday; add the year to " + WorkdayFacts.LOCATION);
        }
        int thisYear = WorkdayCalendar.toLocalDate(EngineClock.SHANGHAI.date()).getYear();
        if (!covered.contains(thisYear) && !fellBack.contains(thisYear)) {
            warnings.add(thisYear + ": no holiday data yet; deadlines in " + thisYear + " will count Monday–Friday");
        }
        Health.Builder health = Health.up().withDetail("coveredYears", covered).withDetail("fallbackYears", fellBack);
        if (!warnings.isEmpty()) {
            health.withDetail("warnings", warnings);
        }
        return health.build();
    }
}
