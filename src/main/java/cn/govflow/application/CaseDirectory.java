package cn.govflow.application;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases the intake recorded, for other features (e.g. the courier hand-off reads the delivery address).
 * Personal data stays here; process variables carry the case number only.
 */
@Service
public class CaseDirectory {

    private final CaseRepository cases;

    CaseDirectory(CaseRepository cases) {
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public Optional<CaseRecord> find(String caseNumber) {
        return caseNumber == null ? Optional.empty() : cases.find(caseNumber);
    }
}
