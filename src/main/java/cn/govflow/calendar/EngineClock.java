package cn.govflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * govflow's one clock: the process engine's clock (Camunda's {@code ClockUtil}) seen as a {@link Clock} in the
 * Shanghai zone. Timers, the case clock, the ledger, case numbers and every time stamp govflow writes read it,
 * so a test that moves the engine's time ({@code ClockUtil.setCurrentTime}) moves all of them together.
 *
 * <p>It is the {@code Clock} bean; code built without Spring (the case clock in process tests, the business
 * calendar) uses {@link #SHANGHAI} directly, which is the same instance.
 */
public final class EngineClock extends Clock {

    /** The engine's clock in {@link WorkdayCalendar#ZONE}. */
    public static final EngineClock SHANGHAI = new EngineClock(WorkdayCalendar.ZONE);

    private final ZoneId zone;

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return zone.equals(other) ? this : new EngineClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now, as the {@link Date} process variables and the engine's APIs take. */
    public Date date() {
        return ClockUtil.getCurrentTime();
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
