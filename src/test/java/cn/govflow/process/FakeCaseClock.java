package cn.govflow.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Records the model's calls to the case clock; sets promisedDecisionDate promisedDays calendar days ahead. */
public class FakeCaseClock {

    final List<String> calls = new ArrayList<>();

    public void start(DelegateExecution execution) {
        calls.add("start");
        int days = ((Number) execution.getVariable(CaseVariables.PROMISED_DAYS)).intValue();
        execution.setVariable(CaseVariables.PROMISED_DECISION_DATE,
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
    }

    public void pause(DelegateExecution execution) {
        calls.add("pause");
    }

    public void resume(DelegateExecution execution) {
        calls.add("resume");
    }

    public void stop(DelegateExecution execution) {
        calls.add("stop");
    }

    public void markOverdue(DelegateExecution execution) {
        calls.add("markOverdue");
        execution.setVariable("overdue", true);
    }

    public Date warningDate(DelegateExecution execution) {
        return null;
    }
}
