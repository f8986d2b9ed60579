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
            "Task_WindowReceipt", new TaskOutcomeRule(CaseVariables.RECEIPT_OUTCOME,
                    List.of("RECEIVED", "SUPPLEMENT", "REFUSED"),
                    Map.of("SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "REFUSED", CaseVariables.REASON)),
            "Task_Acceptance", new TaskOutcomeRule(CaseVariables.ACCEPTANCE_OUTCOME,
                    List.of("ACCEPTED", "SUPPLEMENT", "NOT_ACCEPTED"),
                    Map.of("SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "NOT_ACCEPTED", CaseVariables.REASON)),
            "Task_Review", new TaskOutcomeRule(CaseVariables.REVIEW_OPINION, List.of(), Map.of()),
            "Task_Decision", new TaskOutcomeRule(CaseVariables.DECISION, List.of("APPROVED", "NOT_APPROVED"),
                    Map.of("NOT_APPROVED", CaseVariables.REASON)),
            "Task_CityDecision", new TaskOutcomeRule(CaseVariables.DECISION, List.of("APPROVED", "NOT_APPROVED"),
                    Map.of("NOT_APPROVED", CaseVariables.REASON)),
            "Task_Delivery", new TaskOutcomeRule(CaseVariables.HANDED_OVER, List.of("true"), Map.of()));
}
