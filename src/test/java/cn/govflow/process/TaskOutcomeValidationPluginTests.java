package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govflow.support.ProcessTests;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "process/outcome-probe.bpmn")
class TaskOutcomeValidationPluginTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    @Test
    @DisplayName("a contract task cannot be completed without its outcome; the task stays open")
    void refusesAContractTaskWithoutOutcome() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("OutcomeProbe");

        assertThatThrownBy(() -> complete(task(instance)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("acceptanceOutcome");
        assertThat(instance).isWaitingAt("Task_Acceptance");
    }

    @Test
    @DisplayName("an outcome outside the contract's values is refused")
    void refusesAnUnknownOutcome() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("OutcomeProbe");

        assertThatThrownBy(() -> complete(task(instance), withVariables("acceptanceOutcome", "MAYBE")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("ACCEPTED / SUPPLEMENT / NOT_ACCEPTED");
    }

    @Test
    @DisplayName("R15 一次性告知: SUPPLEMENT needs the list of missing materials, NOT_ACCEPTED a reason")
    void refusesSupplementWithoutMissingMaterials() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("OutcomeProbe");

        assertThatThrownBy(() -> complete(
                        task(instance),
                        withVariables("acceptanceOutcome", "SUPPLEMENT", "missingMaterials", List.of())))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("missingMaterials");
        assertThatThrownBy(() -> complete(task(instance), withVariables("acceptanceOutcome", "NOT_ACCEPTED")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reason");
        assertThat(instance).isWaitingAt("Task_Acceptance");
    }

    @Test
    @DisplayName("a task that declares its rule in the model gets it checked too")
    void checksRulesDeclaredInTheModel() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("OutcomeProbe");
        complete(task(instance), withVariables("acceptanceOutcome", "ACCEPTED"));

        assertThatThrownBy(() -> complete(task(instance), withVariables("spotCheckResult", "VIOLATION")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reason");
        complete(task(instance), withVariables("spotCheckResult", "PASSED"));
        assertThat(instance).isEnded();
    }
}
