package cn.govflow.process;

import java.util.List;
import java.util.Map;

/**
 * What completing a user task must provide: a variable, its allowed values (empty: any non-blank text), and for
 * some values a further variable that must be given too (SUPPLEMENT needs missingMaterials). A user task declares
 * it with {@code outcome.*} extension properties ({@link TaskOutcomeValidationPlugin}).
 */
public record TaskOutcomeRule(String variable, List<String> allowedValues, Map<String, String> requiredWith) {

    public TaskOutcomeRule {
        allowedValues = List.copyOf(allowedValues);
        requiredWith = Map.copyOf(requiredWith);
    }
}
