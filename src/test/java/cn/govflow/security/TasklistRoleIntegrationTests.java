package cn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What Tasklist's "发起流程" and "新建待办" would call, tried over /engine-rest by the roles that work in
 * Tasklist: the engine refuses it (no CREATE on PROCESS_INSTANCE / TASK, no CREATE_INSTANCE on the definitions),
 * while intake ({@code POST /api/applications}) still starts cases.
 */
@GovflowIntegrationTest
class TasklistRoleIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService tasks;

    // a window clerk, a city department reviewer and a district department reviewer
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window-yangpu", "city-public-security", "dept-yangpu-public-security"})
    @DisplayName("clerks and reviewers may not start a process over /engine-rest")
    void startingAProcessIsRefused(String user) {
        long before = countInstances();
        ResponseEntity<String> response = post(
                user,
                "/engine-rest/process-definition/key/FullOnlineProcess/start",
                "{\"businessKey\": \"SH-20260101-YP-999999\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("CREATE");
        assertThat(countInstances()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"window-yangpu", "city-public-security", "dept-yangpu-public-security"})
    @DisplayName("clerks and reviewers may not create a stand-alone task over /engine-rest")
    void creatingATaskIsRefused(String user) {
        long before = tasks.createTaskQuery().count();
        ResponseEntity<String> response =
                post(user, "/engine-rest/task/create", "{\"name\": \"自建待办\", \"assignee\": \"" + user + "\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("CREATE");
        assertThat(tasks.createTaskQuery().count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"portal", "window-yangpu"})
    @DisplayName("R1: intake still starts cases, for the portal and at the window")
    void intakeStillStartsCases(String user) {
        String channel = user.equals("portal") ? "ONLINE" : "WINDOW";
        String body = """
                {"itemCode": "2022-FO-003", "channel": "%s", "district": "yangpu",
                 "applicant": {"type": "PERSON", "name": "张三", "idType": "RESIDENT_ID", "idNumber": "310104198001011239"},
                 "situation": "dog-died", "materials": [{"code": "dog-death-statement", "source": "UPLOAD"}],
                 "delivery": {"method": "WINDOW_PICKUP"}}
                """.formatted(channel);
        ResponseEntity<String> response = post(user, "/api/applications", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private long countInstances() {
        ResponseEntity<JsonNode> count = rest.withBasicAuth("admin", "admin")
                .getForEntity("/engine-rest/process-instance/count", JsonNode.class);
        return count.getBody().path("count").asLong();
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
