package cn.govflow.license;

import cn.govflow.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${issueLicenseDelegate}}: issues the case's e-licence and writes {@code licenceIdentifier}. Runs
 * asynchronously with retries; a retry returns the licence already issued (R20).
 */
@Component("issueLicenseDelegate")
class IssueLicenseDelegate implements JavaDelegate {

    private final LicenseService licenses;

    IssueLicenseDelegate(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LicenseService.IssueRequest request = new LicenseService.IssueRequest(
                string(execution, CaseVariables.CASE_NUMBER),
                string(execution, CaseVariables.ITEM_CODE),
                string(execution, CaseVariables.ITEM_NAME),
                string(execution, CaseVariables.DEPARTMENT),
                string(execution, CaseVariables.DEPARTMENT_NAME),
                string(execution, CaseVariables.APPLICANT_NAME),
                string(execution, CaseVariables.APPLICANT_ID_MASKED),
                string(execution, CaseVariables.APPLICANT_TYPE),
                string(execution, CaseVariables.DISTRICT));

        LicenseService.LicenceDocument licence = licenses.issue(request);

        execution.setVariable(CaseVariables.LICENCE_IDENTIFIER, licence.identifier());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
