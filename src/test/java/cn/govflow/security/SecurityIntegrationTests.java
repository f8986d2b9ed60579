package cn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The authorization matrix of issue 2, over HTTP. */
@GovflowIntegrationTest
class SecurityIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    ProcessInstance yangpuCase;
    ProcessInstance pudongCase;

    @BeforeEach
    void twoCasesInTwoDistricts() {
        repository
                .createDeployment()
                .name("authorization-probe")
                .enableDuplicateFiltering(true)
                .addClasspathResource("security/authorization-probe.bpmn")
                .deploy();
        yangpuCase = runtime.startProcessInstanceByKey("AuthorizationProbe", Map.of("district", "yangpu"));
        pudongCase = runtime.startProcessInstanceByKey("AuthorizationProbe", Map.of("district", "pudong"));
    }

    @Test
    @DisplayName("engine REST and the API answer 401 without credentials, as a ProblemDetail")
    void anonymousCallersAreRejected() {
        ResponseEntity<JsonNode> engine = rest.getForEntity("/engine-rest/task", JsonNode.class);
        ResponseEntity<JsonNode> api = rest.getForEntity("/api/items", JsonNode.class);

        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engine.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(engine.getBody().path("status").asInt()).isEqualTo(401);
    }

    @Test
    @DisplayName("a wrong password is 401")
    void wrongPasswordIsRejected() {
        // A user of its own: Camunda delays the next login of a user after a failed one (brute-force protection).
        assertThat(rest.withBasicAuth("window-jinshan", "wrong")
                        .getForEntity("/engine-rest/task", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("a window clerk sees the tasks of their own district only")
    void windowClerkSeesOnlyOwnGroupsTasks() {
        List<String> yangpu = taskInstanceIds("window-yangpu");
        List<String> pudong = taskInstanceIds("window-pudong");

        assertThat(yangpu).contains(yangpuCase.getId()).doesNotContain(pudongCase.getId());
        assertThat(pudong).contains(pudongCase.getId()).doesNotContain(yangpuCase.getId());
    }

    @Test
    @DisplayName("a window clerk reads the case of their own task (Tasklist's columns), not another district's")
    void windowClerkReadsOwnCasesVariablesOnly() {
        ResponseEntity<JsonNode> own = rest.withBasicAuth("window-yangpu", "demo")
                .getForEntity("/engine-rest/process-instance/" + yangpuCase.getId() + "/variables", JsonNode.class);
        ResponseEntity<JsonNode> other = rest.withBasicAuth("window-yangpu", "demo")
                .getForEntity("/engine-rest/process-instance/" + pudongCase.getId() + "/variables", JsonNode.class);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("district").path("value").asText()).isEqualTo("yangpu");
        assertThat(other.getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    @DisplayName("a window clerk completes their own task but not another district's (403)")
    void windowClerkCompletesOnlyOwnTasks() {
        String yangpuTask = taskOf(yangpuCase);
        String pudongTask = taskOf(pudongCase);

        assertThat(post("window-yangpu", "/engine-rest/task/" + pudongTask + "/complete")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("window-yangpu", "/engine-rest/task/" + yangpuTask + "/complete")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(yangpuCase.getId())
                        .count())
                .isZero();
        assertThat(tasks.createTaskQuery().taskId(pudongTask).count()).isOne();
    }

    @Test
    @DisplayName("a supervisor reads every instance and task but cannot complete a task")
    void supervisorReadsEverythingButCompletesNothing() {
        ResponseEntity<JsonNode> instances = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/engine-rest/process-instance?processDefinitionKey=AuthorizationProbe", JsonNode.class);
        List<String> ids = instances.getBody().findValuesAsText("id");

        assertThat(ids).contains(yangpuCase.getId(), pudongCase.getId());
        assertThat(taskInstanceIds("supervisor")).contains(yangpuCase.getId(), pudongCase.getId());
        assertThat(post("supervisor", "/engine-rest/task/" + taskOf(yangpuCase) + "/complete")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().processInstanceId(yangpuCase.getId()).count())
                .isOne();
    }

    @Test
    @DisplayName("the portal cannot read tasks or instances")
    void portalReadsNoTasks() {
        assertThat(taskInstanceIds("portal")).isEmpty();
        ResponseEntity<JsonNode> instances =
                rest.withBasicAuth("portal", "demo").getForEntity("/engine-rest/process-instance", JsonNode.class);
        assertThat(instances.getBody()).isEmpty();
    }

    @Test
    @DisplayName("health is open; other actuator endpoints need the admin group")
    void actuatorNeedsAdmin() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("window-yangpu", "demo")
                        .getForEntity("/actuator/metrics", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "admin")
                        .getForEntity("/actuator/metrics", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("the webapps are served under /camunda")
    void webappsAreServed() {
        ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).containsIgnoringCase("tasklist");
    }

    private List<String> taskInstanceIds(String user) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/task?processDefinitionKey=AuthorizationProbe", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().findValuesAsText("processInstanceId");
    }

    private String taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
    }

    private ResponseEntity<String> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    }
}
