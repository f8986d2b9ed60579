package cn.govflow.calendar;

import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bean {@code waits}: how long the models wait, the same in all three models. Each wait has a default from
 * {@code govflow.calendar.waits.*}; a case overrides it only if it was started with the variable of that name
 * (the variable is never written for a case that keeps the default).
 *
 * <pre>
 * ${waits.supplement(execution)}              补正 period, ISO 8601 (default P30D, 30 calendar days; R6, R33)
 * ${waits.deliveryDue(execution)}             Date: deliver the result within 10 working days of the decision (R33)
 * ${waits.deliveryReminder(execution)}        the same as a timer duration ("10 workdays") for a reminder
 * ${waits.verificationDue(execution)}         Date: 告知承诺 verification within 20 working days (R26)
 * ${waits.specialProcedureDue(execution)}     Date: a special procedure's own limit (R27), by the reviewer's
 *                                             specialProcedureDays or the default 20 working days
 * ${waits.spotCheckDue(execution)}            Date: the city's spot check within 20 working days (R4)
 * ${waits.paperTransferReminder(execution)}   timer: paper materials not arrived after 2 working days (R19)
 * ${waits.acceptanceExpectedBy(accepted)}     Date: when an entrusted applicant hears about acceptance (R18):
 *                                             today where the window accepts, else 5 working days
 * </pre>
 */
public class Waits {

    public static final String SUPPLEMENT_WAIT = "supplementWait";
    public static final String DELIVERY_REMINDER_WORKDAYS = "deliveryReminderWorkdays";
    public static final String VERIFICATION_WORKDAYS = "verificationWorkdays";
    public static final String SPECIAL_PROCEDURE_DAYS = "specialProcedureDays";
    public static final String SPOT_CHECK_WORKDAYS = "spotCheckWorkdays";
    public static final String PAPER_TRANSFER_WORKDAYS = "paperTransferWorkdays";

    private final Workdays workdays;
    private final WaitsProperties defaults;

    public Waits(Workdays workdays, WaitsProperties defaults) {
        this.workdays = workdays;
        this.defaults = defaults;
    }

    /** The 补正 period as an ISO 8601 duration for a timer. */
    public String supplement(VariableScope scope) {
        Object override = scope.getVariable(SUPPLEMENT_WAIT);
        return override == null ? defaults.supplement().toString() : override.toString();
    }

    public Date deliveryDue(VariableScope scope) {
        return workdays.fromNow(workdays(scope, DELIVERY_REMINDER_WORKDAYS, defaults.deliveryWorkdays()));
    }

    /** For a timer: {@code "10 workdays"} (the engine's {@code workdays} business calendar). */
    public String deliveryReminder(VariableScope scope) {
        return workdays(scope, DELIVERY_REMINDER_WORKDAYS, defaults.deliveryWorkdays()) + " workdays";
    }

    /** For a timer: {@code "2 workdays"}. */
    public String paperTransferReminder(VariableScope scope) {
        return workdays(scope, PAPER_TRANSFER_WORKDAYS, defaults.paperTransferWorkdays()) + " workdays";
    }

    public Date verificationDue(VariableScope scope) {
        return workdays.fromNow(workdays(scope, VERIFICATION_WORKDAYS, defaults.verificationWorkdays()));
    }

    public Date specialProcedureDue(VariableScope scope) {
        return workdays.fromNow(workdays(scope, SPECIAL_PROCEDURE_DAYS, defaults.specialProcedureWorkdays()));
    }

    public Date spotCheckDue(VariableScope scope) {
        return workdays.fromNow(workdays(scope, SPOT_CHECK_WORKDAYS, defaults.spotCheckWorkdays()));
    }

    /**
     * R18: where the window accepts (收件即受理), the applicant knows today; otherwise the accepting department
     * answers within {@code acceptance-feedback-workdays} working days.
     */
    public Date acceptanceExpectedBy(boolean acceptedAtTheWindow) {
        return acceptedAtTheWindow
                ? EngineClock.SHANGHAI.date()
                : workdays.fromNow(defaults.acceptanceFeedbackWorkdays());
    }

    private static int workdays(VariableScope scope, String name, int otherwise) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return otherwise;
        }
        int days = value instanceof Number n
                ? n.intValue()
                : Integer.parseInt(value.toString().trim());
        if (days < 0) {
            throw new IllegalArgumentException(name + " must be zero or more working days: " + days);
        }
        return days;
    }

    /**
     * {@code govflow.calendar.waits.*}: the defaults of the waits, bound from configuration (the defaults below
     * are those of config/application.yaml and docs/processes.md).
     */
    public record WaitsProperties(
            @DefaultValue("P30D") Period supplement,
            @DefaultValue("10") int deliveryWorkdays,
            @DefaultValue("20") int verificationWorkdays,
            @DefaultValue("20") int specialProcedureWorkdays,
            @DefaultValue("20") int spotCheckWorkdays,
            @DefaultValue("2") int paperTransferWorkdays,
            @DefaultValue("5") int acceptanceFeedbackWorkdays) {

        /** The same defaults outside Spring, for process tests. */
        public static final WaitsProperties DEFAULTS = new WaitsProperties(Period.ofDays(30), 10, 20, 20, 20, 2, 5);
    }
}
