package cn.govflow.calendar;

import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.ClockStart;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statutory clock of a case (R16, R27, R33), bean {@code caseClock}, called from execution or task listeners
 * with {@code execution} (or {@code task}) as argument:
 * <pre>
 * ${caseClock.start(execution)}                 the clock starts now: promisedDecisionDate = promisedDays (default 20)
 *                                               working days after today
 * ${caseClock.start(execution, 'ACCEPTANCE')}   starts only if the case's plan starts the clock at ACCEPTANCE
 *                                               (R16); 'RECEIPT' at the window receipt
 * ${caseClock.startAtWindowReceipt(execution)}  at a window receipt that is the decisive step: the plan starts the
 *                                               clock at receipt, receipt is acceptance (R24) or the chief
 *                                               representative may decide on the spot (R25)
 * ${caseClock.pause(execution)}                 补正 or a special procedure (R27) begins
 * ${caseClock.resume(execution)}                it ends: the deadline moves by the working days it covered
 * ${caseClock.extend(execution)}                the approved extension of 10 working days, once (R33)
 * ${caseClock.markOverdue(execution)}           a timer at the deadline: overdue = true, nothing ends
 * ${caseClock.stop(execution)}                  decided: decidedAt, and overdue true (超期办结) or false (按期办结)
 * ${caseClock.warningDate(execution)}           Date for a task's follow-up date, before the deadline
 * ${promisedDecisionDate}                       a decision task's due date
 * </pre>
 * The promised days and where the clock starts come from the case's plan ({@link CasePlans}); the clock's own state
 * lives in process variables, written only when they say something (no "not paused", "not extended" or "not
 * overdue" rows: an absent flag is false). "Now" is the engine's clock ({@link EngineClock}), so tests can fix it.
 * Days are Shanghai calendar days. As in every 期间 count, the day something starts is not counted: the
 * acceptance day, and the day the applicant's supplement arrives; the day a pause begins is counted.
 */
public class CaseClock {

    public static final int EXTENSION_WORKDAYS = 10;

    public static final String CLOCK_STARTED_AT = "clockStartedAt";
    public static final String PROMISED_DECISION_DATE = "promisedDecisionDate";
    /** Set while the clock is paused, removed when it resumes. */
    public static final String CLOCK_PAUSED_AT = "clockPausedAt";
    /** Written by govflow before V70 next to clockPausedAt; still honoured for cases that carry it. */
    public static final String CLOCK_PAUSED = "clockPaused";
    /** Working days not counted so far because of 补正 and special procedures. */
    public static final String PAUSED_WORKDAYS = "pausedWorkdays";

    public static final String CLOCK_EXTENDED = "clockExtended";
    public static final String DECIDED_AT = "decidedAt";
    public static final String OVERDUE = "overdue";

    private static final Logger LOG = LoggerFactory.getLogger(CaseClock.class);

    private final WorkdayCalendar calendar;
    private final int warningWorkdays;
    private final CasePlans plans;

    /**
     * @param warningWorkdays how many working days before the deadline {@link #warningDate} falls
     * @param plans where a case's promised days and clock start come from
     */
    public CaseClock(WorkdayCalendar calendar, int warningWorkdays, CasePlans plans) {
        if (warningWorkdays < 0) {
            throw new IllegalArgumentException("govflow.calendar.warning-workdays must not be negative");
        }
        this.calendar = calendar;
        this.warningWorkdays = warningWorkdays;
        this.plans = plans;
    }

    /**
     * Starts the clock now, unless it already runs (a repeated listener never restarts it). Returns the
     * promised decision date.
     */
    public Date start(VariableScope scope) {
        Date promised = (Date) scope.getVariable(PROMISED_DECISION_DATE);
        if (scope.getVariable(CLOCK_STARTED_AT) != null && promised != null) {
            return promised;
        }
        int days = promisedDays(scope);
        Date now = EngineClock.SHANGHAI.date();
        promised = WorkdayCalendar.endOfDay(calendar.addWorkdays(WorkdayCalendar.toLocalDate(now), days));
        scope.setVariable(CLOCK_STARTED_AT, now);
        scope.setVariable(PROMISED_DECISION_DATE, promised);
        return promised;
    }

    /**
     * R16: starts the clock only if the item's {@code clockStartsAt} names this point ({@code RECEIPT} or
     * {@code ACCEPTANCE}; an item without it starts at acceptance). Returns the promised date, or null.
     */
    public Date start(VariableScope scope, String point) {
        ClockStart configured = plans.of(scope).clockStartsAt();
        if (!configured.name().equalsIgnoreCase(point)) {
            return null;
        }
        return start(scope);
    }

    /**
     * A window receipt (delegated model) starts the clock when it is the decisive step: the plan starts the clock
     * at receipt (R16), receipt is acceptance (R24), or the item may be decided on the spot (R25). Returns the
     * promised date, or null.
     */
    public Date startAtWindowReceipt(VariableScope scope) {
        CasePlan plan = plans.of(scope);
        if (plan.clockStartsAt() == ClockStart.RECEIPT || plan.receiptIsAcceptance() || plan.onTheSpot()) {
            return start(scope);
        }
        return null;
    }

    /** 补正 or a special procedure (R27) begins: the clock stops. Nothing happens before the clock starts. */
    public void pause(VariableScope scope) {
        if (!started(scope) || paused(scope)) {
            return;
        }
        scope.setVariable(CLOCK_PAUSED_AT, EngineClock.SHANGHAI.date());
        if (scope.hasVariable(CLOCK_PAUSED)) {
            scope.setVariable(CLOCK_PAUSED, true);
        }
    }

    /**
     * The pause ends (R33: time in 补正 and special procedures is not counted): the promised date moves later by
     * the working days after the pause began up to and including today. Returns those working days.
     */
    public int resume(VariableScope scope) {
        if (!started(scope) || !paused(scope)) {
            return 0;
        }
        LocalDate pausedOn = WorkdayCalendar.toLocalDate((Date) scope.getVariable(CLOCK_PAUSED_AT));
        int covered = Math.max(0, calendar.workdaysBetween(pausedOn, today()));
        scope.setVariable(
                PROMISED_DECISION_DATE, WorkdayCalendar.endOfDay(calendar.addWorkdays(promisedDay(scope), covered)));
        scope.setVariable(PAUSED_WORKDAYS, intValue(scope.getVariable(PAUSED_WORKDAYS), 0) + covered);
        scope.removeVariable(CLOCK_PAUSED_AT);
        if (scope.hasVariable(CLOCK_PAUSED)) {
            scope.setVariable(CLOCK_PAUSED, false);
        }
        return covered;
    }

    /** R33: the approved extension moves the promised date by 10 working days, once per case. */
    public Date extend(VariableScope scope) {
        requireStarted(scope, "extend");
        if (Boolean.TRUE.equals(scope.getVariable(CLOCK_EXTENDED))) {
            throw new CaseClockException("R33: the time limit of case " + caseNumber(scope)
                    + " was already extended once (promised decision date " + promisedDay(scope)
                    + "); a second extension is not allowed");
        }
        Date promised = WorkdayCalendar.endOfDay(calendar.addWorkdays(promisedDay(scope), EXTENSION_WORKDAYS));
        scope.setVariable(PROMISED_DECISION_DATE, promised);
        scope.setVariable(CLOCK_EXTENDED, true);
        return promised;
    }

    /**
     * The timer at the deadline: marks the case overdue without ending anything. A timer that fires while the
     * clock is paused, or before a deadline that has moved since, marks nothing. Returns whether it marked.
     */
    public boolean markOverdue(VariableScope scope) {
        if (!started(scope) || paused(scope)) {
            return false;
        }
        if (EngineClock.SHANGHAI.date().before(promisedDate(scope))) {
            LOG.info(
                    "Case {}: deadline timer fired before the promised decision date {}; not overdue",
                    caseNumber(scope),
                    promisedDay(scope));
            return false;
        }
        scope.setVariable(OVERDUE, true);
        return true;
    }

    /**
     * The decision is made: sets {@code decidedAt} and {@code overdue}: false when decided on or before the
     * promised day (按期办结), true after it (超期办结). Returns whether it was on time. A pause still open ends now.
     */
    public boolean stop(VariableScope scope) {
        requireStarted(scope, "stop");
        resume(scope);
        Date now = EngineClock.SHANGHAI.date();
        boolean onTime = !WorkdayCalendar.toLocalDate(now).isAfter(promisedDay(scope));
        scope.setVariable(DECIDED_AT, now);
        scope.setVariable(OVERDUE, !onTime);
        return onTime;
    }

    /**
     * The follow-up date of a decision task: the start of the working day {@code govflow.calendar.warning-workdays}
     * (default 3) working days before the promised decision date.
     */
    public Date warningDate(VariableScope scope) {
        requireStarted(scope, "warningDate");
        return WorkdayCalendar.startOfDay(calendar.addWorkdays(promisedDay(scope), -warningWorkdays));
    }

    private int promisedDays(VariableScope scope) {
        int days = plans.of(scope).promisedDays();
        if (days < 0) {
            throw new CaseClockException("R33: case " + caseNumber(scope) + " has promisedDays " + days
                    + "; the promised time limit must be zero or more working days");
        }
        return days;
    }

    private static int intValue(Object value, int otherwise) {
        if (value == null || value.toString().isBlank()) {
            return otherwise;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new CaseClockException("promisedDays '" + value + "' is not a whole number of working days");
        }
    }

    private static boolean started(VariableScope scope) {
        return scope.getVariable(PROMISED_DECISION_DATE) instanceof Date;
    }

    private static boolean paused(VariableScope scope) {
        Object before70 = scope.getVariable(CLOCK_PAUSED);
        if (before70 != null) {
            return Boolean.TRUE.equals(before70);
        }
        return scope.getVariable(CLOCK_PAUSED_AT) != null;
    }

    private static void requireStarted(VariableScope scope, String operation) {
        if (!started(scope)) {
            throw new CaseClockException("caseClock." + operation + ": the clock of case " + caseNumber(scope)
                    + " has not started; call ${caseClock.start(execution)} at acceptance (or receipt, R16) first");
        }
    }

    private static Date promisedDate(VariableScope scope) {
        return (Date) scope.getVariable(PROMISED_DECISION_DATE);
    }

    private static LocalDate promisedDay(VariableScope scope) {
        return WorkdayCalendar.toLocalDate(promisedDate(scope));
    }

    private static LocalDate today() {
        return WorkdayCalendar.toLocalDate(EngineClock.SHANGHAI.date());
    }

    private static Object caseNumber(VariableScope scope) {
        Object caseNumber = scope.getVariable("caseNumber");
        return caseNumber == null ? "(no caseNumber)" : caseNumber;
    }
}
