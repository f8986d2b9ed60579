package cn.govflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/applications/{caseNumber}/paper-arrived} over HTTP, on a probe model that waits for paper. */
@GovflowIntegrationTest
class PaperArrivalIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    String caseNumber;

    @BeforeEach
    void aCaseWaitingForPaper() {
        repository
                .createDeployment()
                .name("paper-arrival-probe")
                .enableDuplicateFiltering(true)
                .addClasspathResource("transfer/paper-arrival-probe.bpmn")
                .deploy();
        caseNumber = "2026-ER-" + UUID.randomUUID().toString().substring(0, 8);
        runtime.startProcessInstanceByKey("PaperArrivalProbe", caseNumber, Map.of("department", "archives"));
    }

    private ResponseEntity<JsonNode> confirm(String user, String caseNumber) {
        return rest.withBasicAuth(user, "demo")
                .postForEntity("/api/applications/{caseNumber}/paper-arrived", null, JsonNode.class, caseNumber);
    }

    @Test
    @DisplayName("R21: city-archives confirms the arrival (200); a second confirmation is 409 ProblemDetail")
    void cityDepartmentConfirmsOnce() {
        ResponseEntity<JsonNode> first = confirm("city-archives", caseNumber);
        ResponseEntity<JsonNode> second = confirm("city-archives", caseNumber);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("confirmedBy").asText()).isEqualTo("city-archives");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count())
                .isZero();
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody().path("rule").asText()).isEqualTo("R21");
        assertThat(second.getBody().path("field").asText()).isEqualTo("caseNumber");
    }

    @Test
    @DisplayName("R3: another department or the hall may not confirm (403); an unknown case is 404")
    void strangersAndUnknownCases() {
        ResponseEntity<JsonNode> otherDepartment = confirm("city-justice", caseNumber);
        ResponseEntity<JsonNode> hall = confirm("window-minhang", caseNumber);
        ResponseEntity<JsonNode> unknown = confirm("city-archives", "2026-ER-NOSUCH");

        assertThat(otherDepartment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherDepartment.getBody().path("rule").asText()).isEqualTo("R3");
        assertThat(hall.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count())
                .isOne();
    }
}
