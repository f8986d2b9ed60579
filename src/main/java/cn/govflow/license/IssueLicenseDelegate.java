package cn.govflow.license;

import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${issueLicenseDelegate}}: issues the case's e-licence and writes {@code licenceIdentifier}. Runs
 * asynchronously with retries; a retry returns the licence already issued (R20).
 */
@Component("issueLicenseDelegate")
class IssueLicenseDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(IssueLicenseDelegate.class);

    private final LicenseService licenses;
    private final GovflowMetrics metrics;

    IssueLicenseDelegate(LicenseService licenses, GovflowMetrics metrics) {
        this.licenses = licenses;
        this.metrics = metrics;
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

        LicenseService.LicenceDocument licence = metrics.timeLicenceIssuance(() -> licenses.issue(request));
        // The case number comes with the log context (MDC caseNumber), set by the engine.
        log.info("e-licence {} issued", licence.identifier());

        execution.setVariable(CaseVariables.LICENCE_IDENTIFIER, licence.identifier());
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
