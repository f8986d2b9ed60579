package cn.govflow.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code govflow.calendar.*}.
 *
 * @param warningWorkdays how many working days before the promised decision date a decision task's follow-up
 *     date falls ({@code ${caseClock.warningDate(execution)}})
 * @param waits the defaults of the models' waits
 */
@ConfigurationProperties("govflow.calendar")
record CalendarProperties(
        @DefaultValue("3") int warningWorkdays,
        @DefaultValue Waits.WaitsProperties waits) {}
