package cn.govflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Bean {@code review}: where the delegated model goes after 审查 (R2, R27). The review form submits
 * {@code specialProcedure} (NONE by default) and {@code escalate} (false by default); a completion without them
 * (the REST API) means neither, so no default is written into the case before the reviewer speaks.
 *
 * <pre>
 * ${review.specialProcedure(execution)}   a special procedure was opened (R27): it runs first
 * ${review.escalated(execution)}          no special procedure, and the reviewer escalates to the city (R2)
 * ${review.specialProcedureDone(execution)}  the special procedure ended: the next 审查 starts without one
 * </pre>
 */
@Component("review")
public class DelegatedReview {

    public static final String NO_SPECIAL_PROCEDURE = "NONE";

    public boolean specialProcedure(VariableScope scope) {
        Object procedure = scope.getVariable(DelegatedImplementationElements.SPECIAL_PROCEDURE);
        return procedure != null && !procedure.toString().isBlank() && !NO_SPECIAL_PROCEDURE.equals(procedure);
    }

    public boolean escalated(VariableScope scope) {
        return !specialProcedure(scope) && Boolean.TRUE.equals(scope.getVariable(CaseVariables.ESCALATE));
    }

    public void specialProcedureDone(VariableScope scope) {
        scope.removeVariable(DelegatedImplementationElements.SPECIAL_PROCEDURE);
    }
}
