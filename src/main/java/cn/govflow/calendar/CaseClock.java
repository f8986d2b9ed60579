package cn.govflow.calendar;

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
 * ${caseClock.start(execution, 'ACCEPTANCE')}   starts only if the item's clockStartsAt is ACCEPTANCE (R16);
 *                                               'RECEIPT' at the window receipt
 * ${caseClock.pause(execution)}                 补正 or a special procedure (R27) begins
 * ${caseClock.resume(execution)}                it ends: the deadline moves by the working days it covered
 * ${caseClock.extend(execution)}                the approved extension of 10 working days, once (R33)
 * ${caseClock.markOverdue(execution)}           a timer at the deadline: overdue = true, nothing ends
 * ${caseClock.stop(execution)}                  decided: decidedAt, onTime (按期办结) and overdue (超期办结)
 * ${caseClock.warningDate(execution)}           Date for a task's follow-up date, before the deadline
 * ${promisedDecisionDate}                       a decision task's due date
 * </pre>
 * State lives in process variables only; "now" is the engine's clock ({@link EngineClock}), so tests can fix it.
 * Days are Shanghai calendar days. As in every 期间 count, the day something starts is not counted: the
 * acceptance day, and the day the applicant's supplement arrives; the day a pause begins is counted.
 */
public class CaseClock {

    public static final int DEFAULT_PROMISED_DAYS = 20;
    public static final int EXTENSION_WORKDAYS = 10;

    /** Where the clock starts, from the item's plan: {@code RECEIPT} or {@code ACCEPTANCE} (the default). */
    public static final String CLOCK_STARTS_AT = "clockStartsAt";

    public static final String PROMISED_DAYS = "promisedDays";
    public static final String CLOCK_STARTED_AT = "clockStartedAt";
    public static final String PROMISED_DECISION_DATE = "promisedDecisionDate";
    public static final String CLOCK_PAUSED = "clockPaused";
    public static final String CLOCK_PAUSED_AT = "clockPausedAt";
    /** Working days not counted so far because of 补正 and special procedures. */
    public static final String PAUSED_WORKDAYS = "pausedWorkdays";

    public static final String CLOCK_EXTENDED = "clockExtended";
    public static final String DECIDED_AT = "decidedAt";
    public static final String ON_TIME = "onTime";
    public static final String OVERDUE = "overdue";

    private static final Logger LOG = LoggerFactory.getLogger(CaseClock.class);

    private final WorkdayCalendar calendar;
    private final int warningWorkdays;

    /** @param warningWorkdays how many working days before the deadline {@link #warningDate} falls */
    public CaseClock(WorkdayCalendar calendar, int warningWorkdays) {
        if (warningWorkdays < 0) {
            throw new IllegalArgumentException("govflow.calendar.warning-workdays must not be negative");
        }
        this.calendar = calendar;
        this.warningWorkdays = warningWorkdays;
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
        scope.setVariable(CLOCK_PAUSED, false);
        scope.setVariable(PAUSED_WORKDAYS, 0);
        scope.setVariable(CLOCK_EXTENDED, false);
        scope.setVariable(OVERDUE, false);
        return promised;
    }

    /**
     * R16: starts the clock only if the item's {@code clockStartsAt} names this point ({@code RECEIPT} or
     * {@code ACCEPTANCE}; an item without it starts at acceptance). Returns the promised date, or null.
     */
    public Date start(VariableScope scope, String point) {
        Object startsAt = scope.getVariable(CLOCK_STARTS_AT);
        String configured = startsAt == null ? "ACCEPTANCE" : startsAt.toString();
        if (!configured.equalsIgnoreCase(point)) {
            return null;
        }
        return start(scope);
    }

    /** 补正 or a special procedure (R27) begins: the clock stops. Nothing happens before the clock starts. */
    public void pause(VariableScope scope) {
        if (!started(scope) || paused(scope)) {
            return;
        }
        scope.setVariable(CLOCK_PAUSED_AT, EngineClock.SHANGHAI.date());
        scope.setVariable(CLOCK_PAUSED, true);
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
        scope.setVariable(CLOCK_PAUSED, false);
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
     * The decision is made: sets {@code decidedAt}, {@code onTime} (decided on or before the promised day,
     * 按期办结) and {@code overdue} (its opposite, 超期办结). A pause still open ends now.
     */
    public boolean stop(VariableScope scope) {
        requireStarted(scope, "stop");
        resume(scope);
        Date now = EngineClock.SHANGHAI.date();
        boolean onTime = !WorkdayCalendar.toLocalDate(now).isAfter(promisedDay(scope));
        scope.setVariable(DECIDED_AT, now);
        scope.setVariable(ON_TIME, onTime);
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
        int days = intValue(scope.getVariable(PROMISED_DAYS), DEFAULT_PROMISED_DAYS);
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
        return Boolean.TRUE.equals(scope.getVariable(CLOCK_PAUSED));
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
