package cn.govflow.licence;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.FullOnlineElements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${revokeLicenceDelegate}}: revokes the case's e-licence when the 告知承诺 verification found the
 * commitment false (R29). Reads {@code caseNumber} and {@code revokeReason} (default: the R29 reason), writes
 * {@code licenceRevoked} (false when the case has no e-licence).
 */
@Component("revokeLicenceDelegate")
class RevokeLicenceDelegate implements JavaDelegate {

    static final String DEFAULT_REASON = "告知承诺核查不实，撤销行政许可（R29）";

    private final LicenceService licences;

    RevokeLicenceDelegate(LicenceService licences) {
        this.licences = licences;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
        Object reason = execution.getVariable(FullOnlineElements.REVOKE_REASON);

        boolean revoked = licences.revoke(
                caseNumber, reason == null || reason.toString().isBlank() ? DEFAULT_REASON : reason.toString());

        execution.setVariable(FullOnlineElements.LICENCE_REVOKED, revoked);
    }
}
