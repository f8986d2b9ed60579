package cn.govflow.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Where each of these cases stands in the ledger: its row and its open steps (cases not in it are left out). */
    @Transactional(readOnly = true)
    public Map<String, Standing> standings(Collection<String> caseNumbers) {
        List<String> numbers = List.copyOf(caseNumbers);
        Map<String, List<LedgerStep>> open = new HashMap<>();
        repository
                .openSteps(numbers)
                .forEach(e ->
                        open.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Standing> standings = new LinkedHashMap<>();
        repository
                .findCases(numbers)
                .forEach(c ->
                        standings.put(c.caseNumber(), new Standing(c, open.getOrDefault(c.caseNumber(), List.of()))));
        return standings;
    }

    /** A case's ledger row and the steps it waits in now. */
    public record Standing(LedgerCase ledgerCase, List<LedgerStep> openSteps) {}

    @Transactional(readOnly = true)
    public Optional<Timeline> timeline(String caseNumber) {
        return repository
                .findCase(caseNumber)
                .map(c -> new Timeline(
                        c,
                        repository.steps(caseNumber),
                        ratings.find(caseNumber).orElse(null)));
    }
}
