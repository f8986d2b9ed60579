package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.catalog.CasePlans;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.EntrustedReceiptElements;
import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A failed courier hand-off reaches a person (docs/delivery.md): in the full-online model the department finds
 * 人工寄送 in Tasklist with the reason, in the entrusted model the office that sends (here the city department
 * sending the licence back to the hall) finds 人工寄回收件大厅; no incident is raised, and the case goes on from
 * the task.
 */
@GovflowIntegrationTest
class HandOffFailureIntegrationTests {

    private static final String COURIER_SWITCH = "hand-off-failure-courier-platform";
    private static final String DEPARTMENT = "city-public-security";

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void restorePlatform() {
        environment.getPropertySources().remove(COURIER_SWITCH);
    }

    /** A full-online case whose paper result is being handed to the courier; no intake record, so no address. */
    ProcessInstance atHandOff(String caseNumber) {
        return runtime.createProcessInstanceByKey(FullOnlineCases.PROCESS_KEY)
                .businessKey(caseNumber)
                .setVariables(FullOnlineCases.variables(caseNumber))
                .setVariable(CaseVariables.APPLICANT_NAME, "张三")
                .startBeforeActivity("Task_HandOffToCourier")
                .execute();
    }

    @Test
    @DisplayName(
            "R10: no address to send to → 人工寄送 for the department with the reason, no incident; HANDED_OVER ends the case APPROVED")
    void missingAddressBecomesManualDispatch() {
        String caseNumber = "HF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ProcessInstance instance = atHandOff(caseNumber);

        JsonNode task = awaitTask(caseNumber);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_ManualDispatch");
        assertThat(task.path("name").asText()).isEqualTo("人工寄送");
        assertThat(runtime.getVariable(instance.getId(), CaseVariables.HAND_OFF_FAILURE)
                        .toString())
                .contains("没有申请人的送达地址");
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();

        String id = task.path("id").asText();
        assertThat(post("/engine-rest/task/{id}/claim", json.createObjectNode().put("userId", DEPARTMENT), id)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit(id, Map.of(CaseVariables.DISPATCH_OUTCOME, "HANDED_OVER"))
                        .getStatusCode())
                .as("HANDED_OVER needs a note")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit(
                                id,
                                Map.of(
                                        CaseVariables.DISPATCH_OUTCOME,
                                        "HANDED_OVER",
                                        CaseVariables.DISPATCH_NOTE,
                                        "已电话联系申请人，到市公安局窗口领取"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getEndTime())
                .isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(CaseVariables.OUTCOME)
                        .singleResult()
                        .getValue())
                .isEqualTo("APPROVED");
    }

    @Test
    @DisplayName(
            "R21: a platform that stays down fails the job on the first attempts, then 人工寄送 on the last one, not an incident")
    void platformDownAfterRetriesBecomesManualDispatch() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            COURIER_SWITCH,
                            Map.of("govflow.courier.base-url", "http://127.0.0.1:" + socket.getLocalPort())));
        }
        // a 2022-FO-002 case with an address, moved straight to the hand-off (the platform, not the address, fails)
        ResponseEntity<JsonNode> applied = rest.withBasicAuth("portal", "demo")
                .postForEntity(
                        "/api/applications",
                        Map.of(
                                "itemCode",
                                "2022-FO-002",
                                "channel",
                                "ONLINE",
                                "district",
                                "yangpu",
                                "applicant",
                                Map.of(
                                        "type",
                                        "PERSON",
                                        "name",
                                        "张三",
                                        "idType",
                                        "RESIDENT_ID",
                                        "idNumber",
                                        "310110199001011230"),
                                "situation",
                                "lost",
                                "materials",
                                List.of(
                                        Map.of("code", "household-register", "source", "E_LICENCE"),
                                        Map.of("code", "digital-photo-receipt", "source", "UPLOAD"),
                                        Map.of("code", "loss-statement", "source", "UPLOAD")),
                                "delivery",
                                Map.of("method", "COURIER", "address", "上海市杨浦区示例路1号"),
                                "commitment",
                                false),
                        JsonNode.class);
        assertThat(applied.getStatusCode())
                .as(String.valueOf(applied.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        String caseNumber = applied.getBody().path("caseNumber").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .singleResult();
        runtime.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity("Task_Acceptance")
                .startBeforeActivity("Task_HandOffToCourier")
                .execute();
        DeliveryTestModel.awaitFailure(management, instance);
        Job handOff = DeliveryTestModel.job(management, instance);
        assertThat(handOff.getRetries()).isEqualTo(2);
        assertThatThrownBy(() -> management.executeJob(handOff.getId())).hasMessageContaining("统一物流平台");

        management.executeJob(handOff.getId());

        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_ManualDispatch");
        assertThat(runtime.getVariable(instance.getId(), CaseVariables.HAND_OFF_FAILURE)
                        .toString())
                .startsWith("统一物流平台多次重试后仍未受理");
        runtime.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    @DisplayName("R20: the platform refuses to take an entrusted case's paper licence back to the hall → 人工寄回收件大厅 "
            + "for the city department with the platform's reason, no incident; RETRY books it and the case waits for "
            + "the delivery to the hall")
    void entrustedResultRefusedBecomesManualDispatchForTheCityDepartment() throws IOException {
        try (CourierPlatformDouble platform = new CourierPlatformDouble(null)) {
            platform.mode.set(CourierPlatformDouble.Mode.REFUSE);
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            COURIER_SWITCH, Map.of("govflow.courier.base-url", platform.baseUrl())));
            String caseNumber =
                    "HF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            ProcessInstance instance = runtime.createProcessInstanceByKey(EntrustedReceiptElements.PROCESS_ID)
                    .businessKey(caseNumber)
                    .setVariables(Map.of(
                            CaseVariables.CASE_NUMBER,
                            caseNumber,
                            CaseVariables.MODE,
                            "ENTRUSTED_RECEIPT",
                            CaseVariables.DEPARTMENT,
                            "public-security",
                            CaseVariables.DEPARTMENT_NAME,
                            "市公安局",
                            CaseVariables.DISTRICT,
                            "minhang",
                            CaseVariables.ITEM_NAME,
                            "委托收件测试事项",
                            CaseVariables.APPLICANT_NAME,
                            "张三",
                            CasePlans.RESULT_TYPE,
                            "PAPER_LICENCE",
                            CaseVariables.DECISION,
                            "APPROVED"))
                    .startBeforeActivity(EntrustedReceiptElements.TASK_HAND_OFF_TO_HALL)
                    .execute();

            JsonNode task = awaitTask(caseNumber);
            assertThat(task.path("taskDefinitionKey").asText())
                    .isEqualTo(EntrustedReceiptElements.TASK_MANUAL_DISPATCH_TO_HALL);
            assertThat(task.path("name").asText()).isEqualTo("人工寄回收件大厅");
            assertThat(runtime.getVariable(instance.getId(), CaseVariables.HAND_OFF_FAILURE)
                            .toString())
                    .contains("收件地址不完整");
            assertThat(runtime.createIncidentQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .isZero();

            platform.mode.set(CourierPlatformDouble.Mode.PASS);
            String id = task.path("id").asText();
            assertThat(post(
                                    "/engine-rest/task/{id}/claim",
                                    json.createObjectNode().put("userId", DEPARTMENT),
                                    id)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(submit(id, Map.of(CaseVariables.DISPATCH_OUTCOME, "RETRY"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);

            DeliveryTestModel.await(
                    "hand-off of " + caseNumber + " booked",
                    () -> runtime.getActiveActivityIds(instance.getId())
                            .contains(EntrustedReceiptElements.TASK_AWAIT_COURIER_DELIVERY));
            assertThat(runtime.getVariable(instance.getId(), CaseVariables.TRACKING_NUMBER))
                    .isEqualTo("DOUBLE-1");
            assertThat(runtime.createIncidentQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .isZero();
            runtime.deleteProcessInstance(instance.getId(), "test");
        }
    }

    JsonNode awaitTask(String caseNumber) {
        JsonNode[] found = new JsonNode[1];
        DeliveryTestModel.await("人工寄送 of " + caseNumber, () -> {
            JsonNode list = rest.withBasicAuth(DEPARTMENT, "demo")
                    .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", JsonNode.class, caseNumber)
                    .getBody();
            found[0] = list != null && list.size() == 1 ? list.get(0) : null;
            return found[0] != null;
        });
        return found[0];
    }

    ResponseEntity<JsonNode> submit(String taskId, Map<String, Object> variables) {
        ObjectNode values = json.createObjectNode();
        variables.forEach(
                (name, value) -> values.set(name, json.createObjectNode().putPOJO("value", value)));
        return post(
                "/engine-rest/task/{id}/submit-form", json.createObjectNode().set("variables", values), taskId);
    }

    ResponseEntity<JsonNode> post(String path, JsonNode body, String id) {
        return rest.withBasicAuth(DEPARTMENT, "demo").postForEntity(path, body, JsonNode.class, id);
    }
}
