package cn.govflow.supervision;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.DelegatedImplementationElements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reports a district approval to the city department (R4; the annex asks for it within 5 working days, e.g.
 * item 4 “审批后5个工作日内…报送”): one ledger row per case, written right after the decision.
 */
@Component("reportToCitySupervisionDelegate")
class ReportToCitySupervisionDelegate implements JavaDelegate {

    private final SupervisionLedger ledger;

    ReportToCitySupervisionDelegate(SupervisionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
        String itemCode = (String) execution.getVariable(CaseVariables.ITEM_CODE);
        String itemName = (String) execution.getVariable(CaseVariables.ITEM_NAME);
        String district = (String) execution.getVariable(CaseVariables.DISTRICT);
        String department = (String) execution.getVariable(CaseVariables.DEPARTMENT);
        String decisionLevel = (String) execution.getVariable(DelegatedImplementationElements.DECISION_LEVEL);

        ledger.report(caseNumber, itemCode, itemName, district, department, decisionLevel);
    }
}
