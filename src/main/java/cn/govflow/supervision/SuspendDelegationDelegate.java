package cn.govflow.supervision;

import cn.govflow.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A spot check found a violation: the item's delegation to this district is suspended until an admin lifts it. */
@Component("suspendDelegationDelegate")
class SuspendDelegationDelegate implements JavaDelegate {

    private final DelegationSuspensions suspensions;

    SuspendDelegationDelegate(DelegationSuspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String itemCode = (String) execution.getVariable(CaseVariables.ITEM_CODE);
        String district = (String) execution.getVariable(CaseVariables.DISTRICT);
        String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
        Object reason = execution.getVariable(CaseVariables.REASON);

        suspensions.suspend(itemCode, district, "事后抽查发现违规（" + caseNumber + "）：" + reason, caseNumber);
    }
}
