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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history settings (config/application.yaml; docs/performance.md): Camunda's full history without
 * the per-write variable details, and removal times fixed when a case starts.
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
