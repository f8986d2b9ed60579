package cn.govflow.calendar;

import java.time.Period;
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
        @DefaultValue Waits waits) {

    /**
     * {@code govflow.calendar.waits.*}: the defaults of the models' waits ({@link cn.govflow.calendar.Waits}); a
     * case started with the variable of the same name overrides one for itself.
     */
    record Waits(
            @DefaultValue("P30D") Period supplement,
            @DefaultValue("10") int deliveryWorkdays,
            @DefaultValue("20") int verificationWorkdays,
            @DefaultValue("20") int specialProcedureWorkdays,
            @DefaultValue("20") int spotCheckWorkdays,
            @DefaultValue("2") int paperTransferWorkdays,
            @DefaultValue("5") int acceptanceFeedbackWorkdays) {

        cn.govflow.calendar.Waits.WaitsProperties toDefaults() {
            return new cn.govflow.calendar.Waits.WaitsProperties(
                    supplement,
                    deliveryWorkdays,
                    verificationWorkdays,
                    specialProcedureWorkdays,
                    spotCheckWorkdays,
                    paperTransferWorkdays,
                    acceptanceFeedbackWorkdays);
        }
    }
}
