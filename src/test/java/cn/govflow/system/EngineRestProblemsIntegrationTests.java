package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The engine REST API's answers for tasks that are gone, over HTTP (the 409 is proven by the cluster test). */
@GovflowIntegrationTest
class EngineRestProblemsIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void completingATaskThatDoesNotExistIsNotFound() {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("admin", "admin")
                .postForEntity("/engine-rest/task/no-such-task/complete", Map.of(), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(answer.getBody().path("field").asText()).isEqualTo("taskId");
    }

    @Test
    void otherEngineErrorsKeepCamundasFormat() {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("admin", "admin")
                .postForEntity("/engine-rest/process-definition/key/NoSuchProcess/start", Map.of(), JsonNode.class);

        assertThat(answer.getStatusCode().is4xxClientError()).isTrue();
        assertThat(answer.getBody().path("type").asText()).isNotBlank();
        assertThat(answer.getBody().has("message")).isTrue();
    }
}
