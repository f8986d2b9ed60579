package cn.govflow.ledger;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the case ledger for other features (the timeline of GET /api/applications/{caseNumber}/timeline). */
@Service
public class Ledger {

    private final LedgerRepository repository;
    private final Ratings ratings;

    Ledger(LedgerRepository repository, Ratings ratings) {
        this.repository = repository;
        this.ratings = ratings;
    }

    @Transactional(readOnly = true)
    public Optional<LedgerCase> find(String caseNumber) {
        return repository.findCase(caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<Timeline> timeline(String caseNumber) {
        return repository.findCase(caseNumber).map(c -> new Timeline(c, repository.steps(caseNumber),
                ratings.find(caseNumber).orElse(null)));
    }
}
