package cn.govflow.process;

import static cn.govflow.process.DelegatedImplementationElements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 下放基层实施 over HTTP only, with the demo users: a 2022-DI-007 case (大型群众性活动安全管理许可证, 浦东新区)
 * received at the pudong window, accepted and reviewed by the pudong public-security bureau, escalated (转报) to
 * 市公安局, approved there and handed out at the pudong window.
 */
@GovflowIntegrationTest
class DelegatedImplementationProcessIntegrationTests {

    static final String CREDIT_CODE = "91350100M000100Y43";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    @DisplayName("R2 转报: an escalated pudong case runs end to end with the demo users, decided by the city")
    void r2_escalatedCaseEndToEnd() {
        String caseNumber = apply("window-pudong", "pudong");

        JsonNode receipt = onlyTask("window-pudong", caseNumber);
        assertThat(receipt.path("taskDefinitionKey").asText()).isEqualTo(TASK_WINDOW_RECEIPT);
        claimAndSubmit("window-pudong", receipt, Map.of(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        JsonNode acceptance = onlyTask("dept-pudong-public-security", caseNumber);
        assertThat(acceptance.path("taskDefinitionKey").asText()).isEqualTo(TASK_ACCEPTANCE);
        claimAndSubmit("dept-pudong-public-security", acceptance, Map.of(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        JsonNode review = onlyTask("dept-pudong-public-security", caseNumber);
        assertThat(review.path("taskDefinitionKey").asText()).isEqualTo(TASK_REVIEW);
        assertThat(review.path("due").asText()).isNotBlank();
        claimAndSubmit(
                "dept-pudong-public-security",
                review,
                Map.of(CaseVariables.REVIEW_OPINION, "预计参加人数逾万人，规模大、风险高，建议提调市公安局审批", CaseVariables.ESCALATE, true));

        assertThat(tasks("dept-pudong-public-security", caseNumber)).isEmpty();
        JsonNode cityDecision = onlyTask("city-public-security", caseNumber);
        assertThat(cityDecision.path("taskDefinitionKey").asText()).isEqualTo(TASK_CITY_DECISION);
        claim("city-public-security", cityDecision);
        ResponseEntity<JsonNode> withoutOutcome = submit("city-public-security", cityDecision, Map.of());
        assertThat(withoutOutcome.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit("city-public-security", cityDecision, Map.of(CaseVariables.DECISION, "APPROVED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode delivery = onlyTask("window-pudong", caseNumber);
        assertThat(delivery.path("taskDefinitionKey").asText()).isEqualTo(TASK_DELIVERY);
        claimAndSubmit("window-pudong", delivery, Map.of(CaseVariables.HANDED_OVER, true));

        JsonNode history = rest.withBasicAuth("supervisor", "demo")
                .getForEntity(
                        "/engine-rest/history/process-instance?processInstanceBusinessKey={key}",
                        JsonNode.class,
                        caseNumber)
                .getBody();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
        String instanceId = history.get(0).path("id").asText();
        assertThat(variable(instanceId, "outcome")).isEqualTo("APPROVED");
        assertThat(variable(instanceId, DECISION_LEVEL)).isEqualTo("CITY");
    }

    @Test
    @DisplayName("R6/R23: a window-xuhui clerk can neither see nor claim nor complete a task of a pudong case")
    void otherDistrictsWindowCannotTouchAPudongCase() {
        String caseNumber = apply("window-pudong", "pudong");
        JsonNode receipt = onlyTask("window-pudong", caseNumber);

        assertThat(tasks("window-xuhui", caseNumber)).isEmpty();
        assertThat(rest.withBasicAuth("window-xuhui", "demo")
                        .getForEntity(
                                "/engine-rest/task/{id}",
                                JsonNode.class,
                                receipt.path("id").asText())
                        .getStatusCode()
                        .is4xxClientError())
                .isTrue();
        assertThat(claim("window-xuhui", receipt).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submit(
                                "window-xuhui",
                                receipt,
                                Map.of(CaseVariables.RECEIPT_OUTCOME, "REFUSED", CaseVariables.REASON, "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode stillOpen = onlyTask("window-pudong", caseNumber);
        assertThat(stillOpen.path("id").asText()).isEqualTo(receipt.path("id").asText());
        assertThat(stillOpen.path("assignee").isNull()
                        || stillOpen.path("assignee").isMissingNode())
                .isTrue();
    }

    // ------------------------------------------------------------------ HTTP steps

    String apply(String user, String district) {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-DI-007").put("channel", "WINDOW").put("district", district);
        request.set(
                "applicant",
                json.createObjectNode()
                        .put("type", "ENTERPRISE")
                        .put("name", "上海某会展有限公司")
                        .put("idType", "USCC")
                        .put("idNumber", CREDIT_CODE));
        request.put("situation", "standard");
        request.set(
                "materials",
                json.createArrayNode()
                        .add(json.createObjectNode()
                                .put("code", "application-form")
                                .put("source", "UPLOAD"))
                        .add(json.createObjectNode()
                                .put("code", "security-plan")
                                .put("source", "PAPER"))
                        .add(json.createObjectNode()
                                .put("code", "venue-consent")
                                .put("source", "UPLOAD")));
        request.set("delivery", json.createObjectNode().put("method", "WINDOW_PICKUP"));
        request.put("commitment", false);
        ResponseEntity<JsonNode> response =
                rest.withBasicAuth(user, "demo").postForEntity("/api/applications", request, JsonNode.class);
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("caseNumber").asText();
    }

    JsonNode tasks(String user, String caseNumber) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", JsonNode.class, caseNumber);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    JsonNode onlyTask(String user, String caseNumber) {
        JsonNode list = tasks(user, caseNumber);
        assertThat(list).as("tasks of %s for %s", user, caseNumber).hasSize(1);
        return list.get(0);
    }

    ResponseEntity<JsonNode> claim(String user, JsonNode task) {
        return rest.withBasicAuth(user, "demo")
                .postForEntity(
                        "/engine-rest/task/{id}/claim",
                        json.createObjectNode().put("userId", user),
                        JsonNode.class,
                        task.path("id").asText());
    }

    ResponseEntity<JsonNode> submit(String user, JsonNode task, Map<String, Object> variables) {
        ObjectNode values = json.createObjectNode();
        variables.forEach(
                (name, value) -> values.set(name, json.createObjectNode().putPOJO("value", value)));
        return rest.withBasicAuth(user, "demo")
                .postForEntity(
                        "/engine-rest/task/{id}/submit-form",
                        json.createObjectNode().set("variables", values),
                        JsonNode.class,
                        task.path("id").asText());
    }

    void claimAndSubmit(String user, JsonNode task, Map<String, Object> variables) {
        assertThat(claim(user, task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> submitted = submit(user, task, variables);
        assertThat(submitted.getStatusCode())
                .as(String.valueOf(submitted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    String variable(String processInstanceId, String name) {
        JsonNode list = rest.withBasicAuth("supervisor", "demo")
                .getForEntity(
                        "/engine-rest/history/variable-instance?processInstanceId={id}&variableName={name}",
                        JsonNode.class,
                        processInstanceId,
                        name)
                .getBody();
        assertThat(list).as("history variable %s", name).hasSize(1);
        return list.get(0).path("value").asText();
    }
}
