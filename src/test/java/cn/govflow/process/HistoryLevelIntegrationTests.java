package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine's history settings (config/application.yaml; docs/performance.md): Camunda's full history without
 * the per-write variable details and without the activity rows of gateways that never wait, and removal times fixed
 * when a case starts.
 */
@GovflowIntegrationTest
class HistoryLevelIntegrationTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("History: the engine runs govflow's level, stored in the database it created")
    void engineRunsGovflowLevel() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(HistoryLevelPlugin.NAME);
        assertThat(engine.getManagementService().getProperties())
                .containsEntry("historyLevel", String.valueOf(HistoryLevelPlugin.ID));
    }

    @Test
    @DisplayName(
            "History: variables keep their history row, but no detail row per write; user operations are still logged")
    void variablesWithoutDetailsOperationLogKept() {
        ProcessInstance instance = start();
        runtime.setVariable(instance.getId(), "reviewOpinion", "first");
        runtime.setVariable(instance.getId(), "reviewOpinion", "second");

        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName("reviewOpinion")
                        .singleResult()
                        .getValue())
                .isEqualTo("second");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(CaseVariables.CASE_NUMBER)
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(instance.getId())
                        .variableUpdates()
                        .count())
                .isZero();

        identity.setAuthentication("admin", List.of("camunda-admin"));
        try {
            runtime.setVariable(instance.getId(), "reviewOpinion", "changed in Cockpit");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(history.createUserOperationLogQuery()
                        .processInstanceId(instance.getId())
                        .userId("admin")
                        .operationType("SetVariable")
                        .count())
                .isEqualTo(1);
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    @Test
    @DisplayName("History: a case worked to its end keeps the history of its events and tasks, none of its gateways")
    void noActivityHistoryForGateways() {
        String caseNumber = FullOnlineCases.applyOverApi(rest);
        FullOnlineCases.approve(caseNumber, tasks, history);
        String processInstanceId = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .singleResult()
                .getId();

        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .list();
        // The gateways it passed (渠道, 收件即受理, 受理, 告知承诺, 即办件, 准予许可 …) are in the model, not in history.
        assertThat(activities)
                .extracting(HistoricActivityInstance::getActivityType)
                .doesNotContain("exclusiveGateway", "parallelGateway", "inclusiveGateway")
                .contains("startEvent", "userTask", "serviceTask", "noneEndEvent");
        assertThat(activities)
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("Task_Acceptance", "Task_Review", "Task_Decision", "Task_IssueLicence")
                .noneMatch(id -> id.startsWith("Gateway_"));
        assertThat(activities).allSatisfy(a -> assertThat(a.getEndTime()).isNotNull());
    }

    @Test
    @DisplayName("History: a case's history is due for removal historyTimeToLive (P365D) after it started, set at once")
    void removalTimeSetAtStart() {
        ProcessInstance instance = start();

        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(started.getRemovalTime()).isNotNull();
        assertThat(ChronoUnit.DAYS.between(
                        started.getStartTime().toInstant(),
                        started.getRemovalTime().toInstant()))
                .isEqualTo(365);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .list())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(started.getRemovalTime()));
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    private ProcessInstance start() {
        String caseNumber = "HISTORY-" + UUID.randomUUID();
        return runtime.startProcessInstanceByKey(
                FullOnlineCases.PROCESS_KEY, caseNumber, FullOnlineCases.variables(caseNumber));
    }
}
