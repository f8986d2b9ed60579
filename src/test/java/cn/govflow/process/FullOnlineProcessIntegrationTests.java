package cn.govflow.process;

import static cn.govflow.process.FullOnlineElements.PROCESS_ID;
import static cn.govflow.process.FullOnlineElements.TASK_ACCEPTANCE;
import static cn.govflow.process.FullOnlineElements.TASK_DECISION;
import static cn.govflow.process.FullOnlineElements.TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import cn.govflow.support.JobExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
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
    static final String SUPERVISOR = "supervisor";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Test
    @DisplayName(
            "R1/R9: an online application for an e-licence item runs to APPROVED over HTTP only, and its licence verifies")
    void r9_onlineCaseEndsApprovedWithAVerifiableLicence() {
        ResponseEntity<JsonNode> applied =
                rest.withBasicAuth("portal", "demo").postForEntity("/api/applications", application(), JsonNode.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = applied.getBody().path("caseNumber").asText();
        assertThat(applied.getBody().path("mode").asText()).isEqualTo("FULL_ONLINE");

        String acceptance = openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER);
        claim(acceptance, DEPARTMENT_USER);
        assertThat(submit(acceptance, DEPARTMENT_USER, Map.of()).getStatusCode())
                .as("no acceptanceOutcome")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER)).isEqualTo(acceptance);
        assertThat(submit(acceptance, DEPARTMENT_USER, Map.of("acceptanceOutcome", "ACCEPTED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        String review = openTask(caseNumber, TASK_REVIEW, DEPARTMENT_USER);
        JsonNode reviewTask = rest.withBasicAuth(DEPARTMENT_USER, "demo")
                .getForObject("/engine-rest/task/{id}", JsonNode.class, review);
        assertThat(reviewTask.path("due").asText())
                .as("R33: due on the promised decision date")
                .isNotBlank();
        claim(review, DEPARTMENT_USER);
        assertThat(submit(review, DEPARTMENT_USER, Map.of("reviewOpinion", "材料齐全，符合补证条件"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        String decision = openTask(caseNumber, TASK_DECISION, DEPARTMENT_USER);
        claim(decision, DEPARTMENT_USER);
        assertThat(submit(decision, DEPARTMENT_USER, Map.of("decision", "APPROVED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode ended = awaitEnded(caseNumber);
        assertThat(ended.path("state").asText()).isEqualTo("COMPLETED");
        String instanceId = ended.path("id").asText();
        assertThat(historicVariable(instanceId, CaseVariables.OUTCOME).asText()).isEqualTo("APPROVED");
        assertThat(historicVariable(instanceId, "overdue").asBoolean()).isFalse();
        String identifier =
                historicVariable(instanceId, CaseVariables.LICENCE_IDENTIFIER).asText();
        assertThat(identifier).startsWith("1.2.156.3005.2.");

        // The portal fetches the applicant's licence; anyone may verify it without logging in.
        ResponseEntity<JsonNode> licence =
                rest.withBasicAuth("portal", "demo").getForEntity("/api/licenses/{id}", JsonNode.class, identifier);
        assertThat(licence.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verification = rest.postForObject("/api/licenses/verify", licence.getBody(), JsonNode.class);
        assertThat(verification.path("valid").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("revoked").asBoolean()).isFalse();
    }

    @Test
    @DisplayName(
            "docs/processes.md: submitting Task_Acceptance without acceptanceOutcome is 400 and the task stays open")
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
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count())
                .isZero();
    }

    @Test
    @DisplayName(
            "R15/R28: the portal supplements the missing materials and the case goes back to acceptance; a second supplement is 409")
    void r28_supplementOverThePortalResumesTheCase() {
        String caseNumber = rest.withBasicAuth("portal", "demo")
                .postForEntity("/api/applications", application(), JsonNode.class)
                .getBody()
                .path("caseNumber")
                .asText();
        String acceptance = openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER);
        claim(acceptance, DEPARTMENT_USER);
        assertThat(submit(
                                acceptance,
                                DEPARTMENT_USER,
                                Map.of("acceptanceOutcome", "SUPPLEMENT", "missingMaterials", "犬只近期照片（清晰正面）"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> supplement = Map.of("materials", List.of("犬只近期照片"));

        assertThat(rest.withBasicAuth("window-xuhui", "demo")
                        .postForEntity("/api/applications/{c}/supplements", supplement, JsonNode.class, caseNumber)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("portal", "demo")
                        .postForEntity(
                                "/api/applications/{c}/supplements",
                                Map.of("materials", List.of()),
                                JsonNode.class,
                                caseNumber)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> supplemented = rest.withBasicAuth("portal", "demo")
                .postForEntity("/api/applications/{c}/supplements", supplement, JsonNode.class, caseNumber);
        assertThat(supplemented.getStatusCode()).isEqualTo(HttpStatus.OK);

        String again = openTask(caseNumber, TASK_ACCEPTANCE, DEPARTMENT_USER);
        assertThat(again).isNotEqualTo(acceptance);
        String instanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .singleResult()
                .getId();
        assertThat(runtime.getVariable(instanceId, CaseVariables.MATERIALS_RECEIVED)
                        .toString())
                .contains("犬只近期照片（补正）");
        ResponseEntity<JsonNode> twice = rest.withBasicAuth("portal", "demo")
                .postForEntity("/api/applications/{c}/supplements", supplement, JsonNode.class, caseNumber);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getHeaders().getContentType().toString()).contains("problem+json");
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** 2022-FO-004 核发《养犬登记证》（补证）, situation 登记证遗失, online, e-licence; the id card is exempt (R8). */
    static Map<String, Object> application() {
        return FullOnlineCases.application();
    }

    /** The historic process instance of the case once it has ended (the licence is issued by an async job). */
    JsonNode awaitEnded(String caseNumber) {
        return JobExecutor.awaitValue("case " + caseNumber + " ended", () -> {
            JsonNode instances = rest.withBasicAuth(SUPERVISOR, "demo")
                    .getForObject(
                            "/engine-rest/history/process-instance?processInstanceBusinessKey={key}",
                            JsonNode.class,
                            caseNumber);
            assertThat(instances).hasSize(1);
            return instances.get(0).path("endTime").isNull() ? null : instances.get(0);
        });
    }

    JsonNode historicVariable(String processInstanceId, String name) {
        JsonNode variables = rest.withBasicAuth(SUPERVISOR, "demo")
                .getForObject(
                        "/engine-rest/history/variable-instance?processInstanceId={id}&variableName={name}",
                        JsonNode.class,
                        processInstanceId,
                        name);
        assertThat(variables).as("variable %s", name).hasSize(1);
        return variables.get(0).path("value");
    }

    /** The id of the one open task with this definition key of the case, as the given user sees it. */
    String openTask(String caseNumber, String taskDefinitionKey, String user) {
        JsonNode tasks = rest.withBasicAuth(user, "demo")
                .getForObject(
                        "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={def}",
                        JsonNode.class,
                        caseNumber,
                        taskDefinitionKey);
        assertThat(tasks)
                .as("%s sees %s of %s", user, taskDefinitionKey, caseNumber)
                .hasSize(1);
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
        return rest.withBasicAuth(user, "demo")
                .postForEntity(
                        "/engine-rest/task/{id}/submit-form", Map.of("variables", variables), JsonNode.class, taskId);
    }

    /** The variables intake sets for 2022-FO-004 核发《养犬登记证》（补证）, online, e-licence. */
    static Map<String, Object> caseVariables(String caseNumber) {
        Map<String, Object> variables = new FullOnlineProcessTests.CaseBuilder().variables;
        variables.put(CaseVariables.CASE_NUMBER, caseNumber);
        return variables;
    }
}
