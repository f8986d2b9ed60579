package cn.govflow.licence;

import cn.govflow.application.CaseDirectory;
import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.process.CaseVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${issueLicenceDelegate}}: issues the case's e-licence and writes {@code licenceIdentifier}. Runs
 * asynchronously with retries; a retry returns the licence already issued (R20).
 */
@Component("issueLicenceDelegate")
class IssueLicenceDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(IssueLicenceDelegate.class);

    private final LicenceService licences;
    private final GovflowMetrics metrics;
    private final CaseDirectory cases;

    IssueLicenceDelegate(LicenceService licences, GovflowMetrics metrics, CaseDirectory cases) {
        this.licences = licences;
        this.metrics = metrics;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LicenceService.IssueRequest request = new LicenceService.IssueRequest(
                string(execution, CaseVariables.CASE_NUMBER),
                string(execution, CaseVariables.ITEM_CODE),
                string(execution, CaseVariables.ITEM_NAME),
                string(execution, CaseVariables.DEPARTMENT),
                string(execution, CaseVariables.DEPARTMENT_NAME),
                string(execution, CaseVariables.APPLICANT_NAME),
                string(execution, CaseVariables.APPLICANT_ID_MASKED),
                applicantType(execution),
                string(execution, CaseVariables.DISTRICT));

        LicenceService.LicenceDocument licence = metrics.timeLicenceIssuance(() -> licences.issue(request));
        // The case number comes with the log context (MDC caseNumber), set by the engine.
        log.info("e-licence {} issued", licence.identifier());

        execution.setVariable(CaseVariables.LICENCE_IDENTIFIER, licence.identifier());
    }

    /** From the case row (the case keeps no variable for it); a case started around intake carries the variable. */
    private String applicantType(DelegateExecution execution) {
        return Optional.ofNullable(execution.getProcessBusinessKey())
                .flatMap(cases::find)
                .map(record -> record.applicantType().name())
                .orElseGet(() -> string(execution, CaseVariables.APPLICANT_TYPE));
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
