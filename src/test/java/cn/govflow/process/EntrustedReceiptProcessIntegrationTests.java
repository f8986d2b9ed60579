package cn.govflow.process;

import static cn.govflow.process.EntrustedReceiptElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.catalog.CasePlans;
import cn.govflow.support.GovflowIntegrationTest;
import cn.govflow.support.JobExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 委托基层收件 end to end over HTTP only, with the demo users: 2022-ER-002 婚姻登记档案查询 received at the 闵行
 * hall (the only district the item entrusts, R5); the paper goes to 市档案局, which accepts and decides; the paper
 * certificate comes back to the 闵行 hall's window for 统一出件 (R20).
 */
@GovflowIntegrationTest
class EntrustedReceiptProcessIntegrationTests {

    static final String WINDOW = "window-minhang";
    static final String CITY = "city-archives";

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("R3 R5 R16 R18 R19 R20 R21: 2022-ER-002 received in minhang, accepted and decided by city-archives, "
            + "the paper certificate handed over at the 闵行 window")
    void marriageRecordQueryReceivedInMinhangEndToEnd() {
        // 窗口收件: the clerk registers the application at the 闵行 hall (R5, R13).
        ResponseEntity<JsonNode> started =
                as(WINDOW).postForEntity("/api/applications", application("minhang"), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = started.getBody().path("caseNumber").asText();
        String instanceId = started.getBody().path("processInstanceId").asText();

        JsonNode receipt = waitForTask(caseNumber, TASK_WINDOW_RECEIPT);
        assertThat(tasksVisibleTo("window-yangpu", caseNumber)).isEmpty();
        // R22: the plan is in the case row, not in variables; the form shows it as one text.
        assertThat(variable(instanceId, CasePlans.ACCEPTANCE_AT).isMissingNode())
                .isTrue();
        assertThat(variable(instanceId, CaseVariables.PLAN_NOTICE).asText())
                .contains("受理地点：市级业务部门", "收件凭证：政务服务中心出具收件凭证", "纸质材料：须寄递至市级业务部门");
        assertThat(variable(instanceId, ACCEPTANCE_EXPECTED_BY).isMissingNode()).isFalse();
        complete(WINDOW, receipt, Map.of(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        // R16: the item's clock runs from the window's receipt; R17: the centre issued the voucher.
        assertThat(variable(instanceId, CaseVariables.PROMISED_DECISION_DATE).isMissingNode())
                .isFalse();
        assertThat(variable(instanceId, RECEIPT_VOUCHER_NUMBER).asText()).isEqualTo("SJ-" + caseNumber);
        assertThat(variable(instanceId, ELECTRONIC_TRANSFER_AT).isMissingNode()).isFalse();

        // R21: the paper goes by courier to 市档案局; the courier reports it delivered; the city confirms.
        String paperTracking = waitFor(() -> waitingForPaper(caseNumber)
                ? variable(instanceId, CaseVariables.TRACKING_NUMBER).asText(null)
                : null);
        assertThat(courierDelivered(caseNumber, paperTracking).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paperArrived("window-minhang", caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paperArrived(CITY, caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paperArrived(CITY, caseNumber).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // R18: acceptance by the city department after the paper arrived; then review and decision.
        JsonNode acceptance = waitForTask(caseNumber, TASK_ACCEPTANCE);
        assertThat(tasksVisibleTo(WINDOW, caseNumber)).isEmpty();
        ResponseEntity<JsonNode> withoutOutcome = submit(CITY, acceptance, Map.of());
        assertThat(withoutOutcome.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        complete(CITY, acceptance, Map.of(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        complete(
                CITY, waitForTask(caseNumber, TASK_REVIEW), Map.of(CaseVariables.REVIEW_OPINION, "馆藏有该婚姻登记档案，申请人身份相符"));
        JsonNode decision = waitForTask(caseNumber, TASK_DECISION);
        assertThat(decision.path("due").isNull()).isFalse();
        complete(CITY, decision, Map.of(CaseVariables.DECISION, "APPROVED"));

        // R20: the paper certificate travels back to the 闵行 hall and is handed over at its window.
        String resultTracking = waitFor(() -> {
            String tracking =
                    variable(instanceId, CaseVariables.TRACKING_NUMBER).asText(null);
            return tracking != null && !tracking.equals(paperTracking) && waitingForCourier(caseNumber)
                    ? tracking
                    : null;
        });
        assertThat(courierDelivered(caseNumber, resultTracking).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode delivery = waitForTask(caseNumber, TASK_DELIVERY);
        assertThat(tasksVisibleTo("window-yangpu", caseNumber)).isEmpty();
        complete(WINDOW, delivery, Map.of(CaseVariables.HANDED_OVER, true));

        JsonNode outcome = as("admin", "admin")
                .getForObject(
                        "/engine-rest/history/variable-instance?processInstanceId={id}&variableName=outcome",
                        JsonNode.class,
                        instanceId);
        assertThat(outcome.path(0).path("value").asText()).isEqualTo("APPROVED");
        JsonNode ended = as("admin", "admin")
                .getForObject("/engine-rest/history/process-instance/{id}", JsonNode.class, instanceId);
        assertThat(ended.path("state").asText()).isEqualTo("COMPLETED");
    }

    // ------------------------------------------------------------------------------------------------ HTTP steps

    private static Map<String, Object> application(String district) {
        return Map.of(
                "itemCode",
                "2022-ER-002",
                "channel",
                "WINDOW",
                "district",
                district,
                "applicant",
                Map.of(
                        "type",
                        "PERSON",
                        "name",
                        "李四",
                        "idType",
                        "RESIDENT_ID",
                        "idNumber",
                        "11010519491231002X",
                        "phone",
                        "021-64120000"),
                "situation",
                "own-record",
                "materials",
                List.of(
                        Map.of("code", "application-form", "source", "PAPER"),
                        Map.of("code", "id-card", "source", "E_LICENCE")),
                "delivery",
                Map.of("method", "WINDOW_PICKUP"),
                "commitment",
                false);
    }

    private TestRestTemplate as(String user) {
        return as(user, "demo");
    }

    private TestRestTemplate as(String user, String password) {
        return rest.withBasicAuth(user, password);
    }

    private JsonNode tasksVisibleTo(String user, String caseNumber) {
        return as(user).getForObject("/engine-rest/task?processInstanceBusinessKey={key}", JsonNode.class, caseNumber);
    }

    private JsonNode waitForTask(String caseNumber, String taskDefinitionKey) {
        return waitFor(() -> {
            JsonNode tasks = as("admin", "admin")
                    .getForObject(
                            "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}",
                            JsonNode.class,
                            caseNumber,
                            taskDefinitionKey);
            return tasks.size() == 1 ? tasks.get(0) : null;
        });
    }

    private ResponseEntity<JsonNode> submit(String user, JsonNode task, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return as(user).postForEntity(
                        "/engine-rest/task/{id}/submit-form",
                        Map.of("variables", variables),
                        JsonNode.class,
                        task.path("id").asText());
    }

    private void complete(String user, JsonNode task, Map<String, Object> values) {
        ResponseEntity<Void> claimed = as(user).postForEntity(
                        "/engine-rest/task/{id}/claim",
                        Map.of("userId", user),
                        Void.class,
                        task.path("id").asText());
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit(user, task, values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode variable(String instanceId, String name) {
        ResponseEntity<JsonNode> answer = as("admin", "admin")
                .getForEntity("/engine-rest/process-instance/{id}/variables/{name}", JsonNode.class, instanceId, name);
        return answer.getStatusCode().is2xxSuccessful()
                ? answer.getBody().path("value")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private boolean waitingForPaper(String caseNumber) {
        return waitingAt(caseNumber, TASK_AWAIT_PAPER_MATERIALS);
    }

    private boolean waitingForCourier(String caseNumber) {
        return waitingAt(caseNumber, TASK_AWAIT_COURIER_DELIVERY);
    }

    private boolean waitingAt(String caseNumber, String activityId) {
        JsonNode executions = as("admin", "admin")
                .getForObject(
                        "/engine-rest/execution?processInstanceBusinessKey={key}&activityId={activity}",
                        JsonNode.class,
                        caseNumber,
                        activityId);
        return executions.size() > 0;
    }

    private ResponseEntity<JsonNode> paperArrived(String user, String caseNumber) {
        return as(user).postForEntity("/api/applications/{caseNumber}/paper-arrived", null, JsonNode.class, caseNumber);
    }

    private ResponseEntity<JsonNode> courierDelivered(String caseNumber, String trackingNumber) {
        return as("courier")
                .postForEntity(
                        "/api/courier/events",
                        Map.of("caseNumber", caseNumber, "trackingNumber", trackingNumber, "event", "DELIVERED"),
                        JsonNode.class);
    }

    /** The job executor runs the courier hand-offs asynchronously: wait until something holds. */
    private static <T> T waitFor(Supplier<T> probe) {
        return JobExecutor.awaitValue("the process", probe);
    }
}
