package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outcome rules of the contract's user tasks (docs/processes.md, "User tasks of the contract") are declared in
 * every model that has such a task, as the {@code outcome.*} properties Modeler shows, and every user task of the
 * three models declares a rule: a task that forgot it could be completed without an answer.
 */
class ContractOutcomesTests {

    /** The table of docs/processes.md: task id → its outcome properties. */
    static final Map<String, Map<String, String>> CONTRACT = Map.of(
            ContractElements.TASK_WINDOW_RECEIPT,
            Map.of(
                    "outcome.variable", CaseVariables.RECEIPT_OUTCOME,
                    "outcome.values", "RECEIVED,SUPPLEMENT,REFUSED",
                    "outcome.requires.SUPPLEMENT", CaseVariables.MISSING_MATERIALS,
                    "outcome.requires.REFUSED", CaseVariables.REASON),
            ContractElements.TASK_ACCEPTANCE,
            Map.of(
                    "outcome.variable", CaseVariables.ACCEPTANCE_OUTCOME,
                    "outcome.values", "ACCEPTED,SUPPLEMENT,NOT_ACCEPTED",
                    "outcome.requires.SUPPLEMENT", CaseVariables.MISSING_MATERIALS,
                    "outcome.requires.NOT_ACCEPTED", CaseVariables.REASON),
            ContractElements.TASK_REVIEW,
            Map.of("outcome.variable", CaseVariables.REVIEW_OPINION),
            ContractElements.TASK_DECISION,
            decision(),
            DelegatedImplementationElements.TASK_CITY_DECISION,
            decision(),
            ContractElements.TASK_DELIVERY,
            Map.of("outcome.variable", CaseVariables.HANDED_OVER, "outcome.values", "true"));

    static Map<String, String> decision() {
        return Map.of(
                "outcome.variable", CaseVariables.DECISION,
                "outcome.values", "APPROVED,NOT_APPROVED",
                "outcome.requires.NOT_APPROVED", CaseVariables.REASON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full-online", "delegated-implementation", "entrusted-receipt"})
    @DisplayName("R6 R23: every contract task declares the contract's outcome rule in Modeler's properties")
    void contractTasksDeclareTheContractRule(String model) {
        BpmnModelInstance instance =
                Bpmn.readModelFromFile(Path.of("processes", model + ".bpmn").toFile());
        List<UserTask> contractTasks = instance.getModelElementsByType(UserTask.class).stream()
                .filter(task -> CONTRACT.containsKey(task.getId()))
                .toList();
        assertThat(contractTasks).as("contract tasks of %s", model).isNotEmpty();
        for (UserTask task : contractTasks) {
            assertThat(outcomeProperties(task))
                    .as("outcome.* properties of %s in %s", task.getId(), model)
                    .isEqualTo(CONTRACT.get(task.getId()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"full-online", "delegated-implementation", "entrusted-receipt"})
    @DisplayName("every user task declares the variable its completion must provide")
    void everyUserTaskDeclaresAnOutcome(String model) {
        BpmnModelInstance instance =
                Bpmn.readModelFromFile(Path.of("processes", model + ".bpmn").toFile());
        assertThat(instance.getModelElementsByType(UserTask.class))
                .allSatisfy(task -> assertThat(outcomeProperties(task))
                        .as("%s in %s", task.getId(), model)
                        .containsKey("outcome.variable"));
    }

    static java.util.Collection<UserTask> userTasks(String model) {
        BpmnModelInstance instance =
                Bpmn.readModelFromFile(Path.of("processes", model + ".bpmn").toFile());
        return instance.getModelElementsByType(UserTask.class);
    }

    static Map<String, String> outcomeProperties(UserTask task) {
        if (task.getExtensionElements() == null) {
            return Map.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> property.getCamundaName().startsWith("outcome."))
                .collect(Collectors.toMap(
                        CamundaProperty::getCamundaName,
                        CamundaProperty::getCamundaValue,
                        (a, b) -> b,
                        LinkedHashMap::new));
    }
}
