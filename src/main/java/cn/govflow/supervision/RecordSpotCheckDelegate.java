package cn.govflow.supervision;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.DelegatedImplementationElements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the city department's spot-check result (spotCheckResult, reason) into the supervision ledger. */
@Component("recordSpotCheckDelegate")
class RecordSpotCheckDelegate implements JavaDelegate {

    private final SupervisionLedger ledger;

    RecordSpotCheckDelegate(SupervisionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
        String result = (String) execution.getVariable(DelegatedImplementationElements.SPOT_CHECK_RESULT);
        Object reason = execution.getVariable(CaseVariables.REASON);

        ledger.recordSpotCheck(caseNumber, result, reason == null ? null : reason.toString());
    }
}
