package cn.govflow.ledger;

import cn.govflow.calendar.WorkdayCalendar;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Lenient reading of process variables for the ledger: a missing or odd value is null, never an error. */
final class ScopeValues {

    private ScopeValues() {}

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date variable as Shanghai local time, as the ledger's columns hold it; null for anything else. */
    static LocalDateTime local(Object value) {
        return value instanceof Date date ? LocalDateTime.ofInstant(date.toInstant(), WorkdayCalendar.ZONE) : null;
    }

    @SafeVarargs
    static <T> T coalesce(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
