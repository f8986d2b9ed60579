package cn.govflow.supervision;

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
        String caseNumber = (String) execution.getVariable("caseNumber");
        String result = (String) execution.getVariable("spotCheckResult");
        Object reason = execution.getVariable("reason");

        ledger.recordSpotCheck(caseNumber, result, reason == null ? null : reason.toString());
    }
}
