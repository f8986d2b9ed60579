package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import cn.govflow.catalog.CasePlans;
import cn.govflow.supervision.SpotCheckDraw;
import cn.govflow.support.ModelBeans;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repairing cases after a model fix (docs/migrating-cases.md): for each model, a case waits at each of its user
 * tasks on the deployed version; a changed version is deployed (with the forms, as formRefBinding="deployment"
 * needs), a migration plan is generated (equal activities, event triggers updated), validated and executed for
 * all of them, and every migrated case then finishes on the new version.
 *
 * <p>Not a coverage test: the cases start at each task directly, so this class sets no coverage threshold; the
 * models' coverage stays with their own process tests.
 */
class CaseMigrationProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension =
            ProcessEngineCoverageExtension.builder("process-tests.cfg.xml").build();

    static final String TRACKING = "SF-MIGRATE-1";
    /**
     * Tasks after the delegated model's parallel split (送达并监管): the case also has a token in the other branch,
     * which waits at the parallel join until the task's branch arrives.
     */
    static final Map<String, String> OTHER_BRANCH = Map.of(
            "Task_Delivery", "Gateway_SupervisionJoin",
            "Task_ManualDispatch", "Gateway_SupervisionJoin",
            "Task_SpotCheck", "Gateway_DeliveryJoin");

    ProcessEngine engine;
    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        engine = extension.getProcessEngine();
        // No snapshots: these cases carry their plan in variables, as cases started before V70 do.
        ModelBeans.register();
        Mocks.register("spotCheckDraw", new SpotCheckDraw(1.0, new Random(1), (caseNumber, drawn) -> {}));
        JavaDelegate handOff = mock(JavaDelegate.class);
        doAnswer(call -> {
                    call.<DelegateExecution>getArgument(0).setVariable(CaseVariables.TRACKING_NUMBER, TRACKING);
                    return null;
                })
                .when(handOff)
                .execute(any());
        Mocks.register("handOffToCourierDelegate", handOff);
        for (String name : List.of(
                "issueLicenceDelegate",
                "revokeLicenceDelegate",
                "reportToCitySupervisionDelegate",
                "recordSpotCheckDelegate",
                "suspendDelegationDelegate")) {
            Mocks.register(name, mock(JavaDelegate.class));
        }
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        Mocks.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full-online", "delegated-implementation", "entrusted-receipt"})
    @DisplayName("cases waiting at every user task migrate to a changed model version and then finish")
    void casesAtEveryUserTaskMigrateAndFinish(String model) throws Exception {
        ProcessDefinition source =
                deploy(model, Bpmn.readModelFromFile(modelFile(model).toFile()));
        List<String> userTasks = userTasks(source);
        assertThat(userTasks).isNotEmpty();
        Map<String, String> caseAt = new HashMap<>();
        for (String task : userTasks) {
            var start = engine.getRuntimeService()
                    .createProcessInstanceById(source.getId())
                    .businessKey("MIG-" + task)
                    .setVariables(variables(source.getKey(), task))
                    .startBeforeActivity(task);
            if ("DelegatedImplementationProcess".equals(source.getKey()) && OTHER_BRANCH.containsKey(task)) {
                start.startBeforeActivity(OTHER_BRANCH.get(task));
            }
            ProcessInstance instance = start.execute();
            assertThat(openTask(instance.getId()).getTaskDefinitionKey()).isEqualTo(task);
            caseAt.put(task, instance.getId());
        }

        ProcessDefinition target =
                deploy(model, changed(Bpmn.readModelFromFile(modelFile(model).toFile())));
        assertThat(target.getVersion()).isEqualTo(source.getVersion() + 1);
        MigrationPlan plan = engine.getRuntimeService()
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .updateEventTriggers()
                .build();
        engine.getRuntimeService()
                .newMigration(plan)
                .processInstanceIds(List.copyOf(caseAt.values()))
                .execute();

        for (Map.Entry<String, String> entry : caseAt.entrySet()) {
            String instanceId = entry.getValue();
            assertThat(engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .singleResult()
                            .getProcessDefinitionId())
                    .as(entry.getKey())
                    .isEqualTo(target.getId());
            assertThat(openTask(instanceId).getProcessDefinitionId()).isEqualTo(target.getId());
            finish(instanceId);
            assertThat(engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .count())
                    .as("case migrated at %s finished", entry.getKey())
                    .isZero();
        }
    }

    // ------------------------------------------------------------------ model versions

    static Path modelFile(String model) {
        return Path.of("processes", model + ".bpmn");
    }

    ProcessDefinition deploy(String model, BpmnModelInstance bpmn) throws Exception {
        DeploymentBuilder deployment =
                engine.getRepositoryService().createDeployment().name(model).addModelInstance(model + ".bpmn", bpmn);
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        String id = deployment.deploy().getId();
        deployments.add(id);
        return engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(id)
                .singleResult();
    }

    /** The process owner's fix: here a revised name and a note on the process; the flow nodes keep their ids. */
    static BpmnModelInstance changed(BpmnModelInstance bpmn) {
        Process process = bpmn.getModelElementsByType(Process.class).iterator().next();
        process.setName(process.getName() + "（修订）");
        Documentation note = bpmn.newInstance(Documentation.class);
        note.setTextContent("修订：迁移测试");
        process.getDocumentations().add(note);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(out, bpmn);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(out.toByteArray()));
    }

    List<String> userTasks(ProcessDefinition definition) {
        return engine
                .getRepositoryService()
                .getBpmnModelInstance(definition.getId())
                .getModelElementsByType(UserTask.class)
                .stream()
                .map(UserTask::getId)
                .sorted()
                .toList();
    }

    // ------------------------------------------------------------------ cases

    /** What the intake and the steps before the task would have set. */
    static Map<String, Object> variables(String processKey, String task) {
        Map<String, Object> v = new HashMap<>();
        v.put(CaseVariables.CASE_NUMBER, "MIG-" + task);
        v.put(CaseVariables.ITEM_CODE, "2022-MIG-001");
        v.put(CaseVariables.ITEM_NAME, "迁移测试事项");
        v.put(CaseVariables.DEPARTMENT, "public-security");
        v.put(CaseVariables.DEPARTMENT_NAME, "市公安局");
        v.put(CaseVariables.DISTRICT, "pudong");
        v.put(CaseVariables.CHANNEL, "WINDOW");
        v.put(CaseVariables.APPLICANT_NAME, "张三");
        v.put(CaseVariables.APPLICANT_ID_MASKED, "3101**********1234");
        v.put(CaseVariables.APPLICANT_TYPE, "PERSON");
        v.put(CaseVariables.COMMITMENT, false);
        v.put(CaseVariables.SITUATION, "一般情形");
        v.put(CasePlans.PROMISED_DAYS, 5);
        v.put(CasePlans.ON_THE_SPOT, false);
        v.put(CasePlans.RECEIPT_IS_ACCEPTANCE, false);
        v.put(CasePlans.CLOCK_STARTS_AT, "ACCEPTANCE");
        v.put(CasePlans.VOUCHER_ISSUED_BY, "SERVICE_CENTRE");
        v.put(CasePlans.ACCEPTANCE_AT, "CITY_DEPARTMENT");
        v.put(CasePlans.PAPER_MATERIALS, false);
        v.put(CaseVariables.PROMISED_DECISION_DATE, new Date(System.currentTimeMillis() + 86_400_000L * 20));
        v.put("deliveryDueDate", new Date(System.currentTimeMillis() + 86_400_000L * 10));
        v.put("specialProcedure", "NONE");
        v.put("specialProcedureDays", 20);
        v.put("escalate", false);
        // per-case overrides of the waits, as a case may carry them
        v.put("supplementWait", "P30D");
        v.put("deliveryReminderWorkdays", 10);
        v.put("verificationWorkdays", 20);
        v.put("acceptanceExpectedBy", new Date(System.currentTimeMillis() + 86_400_000L * 5));
        v.put(CaseVariables.DECISION, "APPROVED");
        v.put(CaseVariables.TRACKING_NUMBER, TRACKING);
        v.put(CaseVariables.HAND_OFF_FAILURE, "统一物流平台拒绝受理寄件（HTTP 422）：地址不完整");
        switch (processKey) {
            case "FullOnlineProcess" -> {
                v.put(CaseVariables.MODE, "FULL_ONLINE");
                v.put(CasePlans.RESULT_TYPE, "PAPER_LICENCE");
                v.put(CaseVariables.DELIVERY_METHOD, "COURIER");
                v.put(CaseVariables.COMMITMENT, "Task_CommitmentVerification".equals(task));
            }
            case "DelegatedImplementationProcess" -> {
                v.put(CaseVariables.MODE, "DELEGATED");
                v.put(CasePlans.RESULT_TYPE, "PAPER_LICENCE");
                v.put(CaseVariables.DELIVERY_METHOD, "Task_ManualDispatch".equals(task) ? "COURIER" : "WINDOW_PICKUP");
                v.put("decisionLevel", "DISTRICT");
            }
            default -> {
                v.put(CaseVariables.MODE, "ENTRUSTED_RECEIPT");
                v.put(CasePlans.RESULT_TYPE, "PAPER_LICENCE");
                v.put(CaseVariables.DELIVERY_METHOD, "WINDOW_PICKUP");
            }
        }
        return v;
    }

    Task openTask(String instanceId) {
        List<Task> open = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instanceId)
                .list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** Completes tasks the approving way, runs due jobs and answers waits until the case has ended. */
    void finish(String instanceId) {
        for (int step = 0; step < 100; step++) {
            if (engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .count()
                    == 0) {
                return;
            }
            List<Task> open = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .list();
            if (!open.isEmpty()) {
                open.forEach(task -> engine.getTaskService().complete(task.getId(), ApprovingClerk.answer(task)));
                continue;
            }
            List<Job> due = engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .executable()
                    .list();
            if (!due.isEmpty()) {
                due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
                continue;
            }
            answerWaits(instanceId);
        }
        fail(
                "case %s did not finish: waiting at %s",
                instanceId, engine.getRuntimeService().getActiveActivityIds(instanceId));
    }

    void answerWaits(String instanceId) {
        for (Execution execution : engine.getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(instanceId)
                .list()) {
            for (String activity : engine.getRuntimeService().getActiveActivityIds(execution.getId())) {
                switch (activity) {
                    case "Task_AwaitDelivery", "Task_AwaitCourierDelivery" -> {
                        engine.getRuntimeService()
                                .createMessageCorrelation("Message_CourierDelivered")
                                .processInstanceId(instanceId)
                                .correlate();
                        return;
                    }
                    case "Task_AwaitPaperMaterials" -> {
                        engine.getRuntimeService()
                                .createMessageCorrelation("Message_PaperMaterialsArrived")
                                .processInstanceId(instanceId)
                                .correlate();
                        return;
                    }
                    default -> {}
                }
            }
        }
        // a timer waits (a reminder or a deadline): let it fire
        engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instanceId)
                .timers()
                .list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
}
