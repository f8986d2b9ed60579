package cn.govflow.process;

import java.util.List;
import java.util.Map;

/**
 * What completing a user task must provide: a variable, its allowed values (empty: any non-blank text), and for
 * some values a further variable that must be given too (SUPPLEMENT needs missingMaterials).
 */
public record TaskOutcomeRule(String variable, List<String> allowedValues, Map<String, String> requiredWith) {

    public TaskOutcomeRule {
        allowedValues = List.copyOf(allowedValues);
        requiredWith = Map.copyOf(requiredWith);
    }

    /** The rules of the task ids in docs/processes.md; every model that uses such an id gets them. */
    public static final Map<String, TaskOutcomeRule> CONTRACT = Map.of(
            ContractElements.TASK_WINDOW_RECEIPT,
                    new TaskOutcomeRule(
                            CaseVariables.RECEIPT_OUTCOME,
                            List.of("RECEIVED", "SUPPLEMENT", "REFUSED"),
                            Map.of("SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "REFUSED", CaseVariables.REASON)),
            ContractElements.TASK_ACCEPTANCE,
                    new TaskOutcomeRule(
                            CaseVariables.ACCEPTANCE_OUTCOME,
                            List.of("ACCEPTED", "SUPPLEMENT", "NOT_ACCEPTED"),
                            Map.of(
                                    "SUPPLEMENT",
                                    CaseVariables.MISSING_MATERIALS,
                                    "NOT_ACCEPTED",
                                    CaseVariables.REASON)),
            ContractElements.TASK_REVIEW, new TaskOutcomeRule(CaseVariables.REVIEW_OPINION, List.of(), Map.of()),
            ContractElements.TASK_DECISION, decision(),
            DelegatedImplementationElements.TASK_CITY_DECISION, decision(),
            ContractElements.TASK_DELIVERY, new TaskOutcomeRule(CaseVariables.HANDED_OVER, List.of("true"), Map.of()));

    /** 决定 (a district's or, after 转报, the city's): APPROVED, or NOT_APPROVED with a reason. */
    private static TaskOutcomeRule decision() {
        return new TaskOutcomeRule(
                CaseVariables.DECISION,
                List.of("APPROVED", "NOT_APPROVED"),
                Map.of("NOT_APPROVED", CaseVariables.REASON));
    }
}
