package cn.govflow.process;

import static cn.govflow.process.FullOnlineElements.PROCESS_ID;
import static cn.govflow.process.FullOnlineElements.TASK_ACCEPTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The full-online model in the running application, driven over HTTP as Tasklist and outside callers do. */
@GovflowIntegrationTest
class FullOnlineProcessIntegrationTests {

    static final String DEPARTMENT_USER = "city-public-security";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Test
    @DisplayName("PROCESSES.md: submitting Task_Acceptance without acceptanceOutcome is 400 and the task stays open")
    void acceptanceWithoutOutcomeIsRefusedOverRest() {
        String caseNumber = "FO-IT-" + UUID.randomUUID();
        runtime.startProcessInstanceByKey(PROCESS_ID, caseNumber, caseVariables(caseNumber));
        String taskId = openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER);

        claim(taskId, DEPARTMENT_USER);
        ResponseEntity<JsonNode> refused = submit(taskId, DEPARTMENT_USER, Map.of());
        ResponseEntity<JsonNode> wrongValue = submit(taskId, DEPARTMENT_USER, Map.of("acceptanceOutcome", "MAYBE"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains("acceptanceOutcome");
        assertThat(wrongValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER)).isEqualTo(taskId);

        assertThat(submit(taskId, DEPARTMENT_USER, Map.of("acceptanceOutcome", "NOT_ACCEPTED", "reason", "不属于本部门职权"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The id of the one open task with this definition key of the case, as the given user sees it. */
    String openTask(String caseNumber, String taskDefinitionKey, String user) {
        JsonNode tasks = rest.withBasicAuth(user, "demo").getForObject(
                "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={def}", JsonNode.class,
                caseNumber, taskDefinitionKey);
        assertThat(tasks).as("%s sees %s of %s", user, taskDefinitionKey, caseNumber).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    void claim(String taskId, String user) {
        ResponseEntity<String> claimed = rest.withBasicAuth(user, "demo")
                .postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), String.class, taskId);
        assertThat(claimed.getStatusCode()).as("claim %s as %s", taskId, user).isEqualTo(HttpStatus.NO_CONTENT);
    }

    ResponseEntity<JsonNode> submit(String taskId, String user, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
                Map.of("variables", variables), JsonNode.class, taskId);
    }

    /** The variables intake sets for 2022-FO-004 核发《养犬登记证》（补证）, online, e-licence. */
    static Map<String, Object> caseVariables(String caseNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, caseNumber);
        variables.put(CaseVariables.ITEM_CODE, "2022-FO-004");
        variables.put(CaseVariables.ITEM_NAME, "核发《养犬登记证》（补证）");
        variables.put(CaseVariables.MODE, "FULL_ONLINE");
        variables.put(CaseVariables.DEPARTMENT, "public-security");
        variables.put(CaseVariables.DEPARTMENT_NAME, "市公安局");
        variables.put(CaseVariables.DISTRICT, "yangpu");
        variables.put(CaseVariables.CHANNEL, "ONLINE");
        variables.put(CaseVariables.APPLICANT_NAME, "张三");
        variables.put(CaseVariables.APPLICANT_ID_MASKED, "3101**********1234");
        variables.put(CaseVariables.APPLICANT_TYPE, "PERSON");
        variables.put(CaseVariables.DELIVERY_METHOD, "E_LICENCE");
        variables.put(CaseVariables.COMMITMENT, false);
        variables.put(CaseVariables.SITUATION, "证件遗失");
        variables.put(CaseVariables.MATERIALS_RECEIVED, "申请表");
        variables.put(CaseVariables.RESULT_TYPE, "E_LICENCE");
        variables.put(CaseVariables.PROMISED_DAYS, 5);
        variables.put(CaseVariables.ON_THE_SPOT, false);
        variables.put(CaseVariables.RECEIPT_IS_ACCEPTANCE, false);
        variables.put(CaseVariables.CLOCK_STARTS_AT, "ACCEPTANCE");
        variables.put(CaseVariables.VOUCHER_ISSUED_BY, "ONLINE");
        return variables;
    }
}
