package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * docs/migrating-cases.md as {@code process-owner} over REST: deploy a fixed full-online model with the forms,
 * generate, validate and execute a migration plan for running cases, then retry the failed job of a case in an
 * incident. Only the authorizations IdentityBootstrap grants the group are used.
 */
@GovflowIntegrationTest
class CaseMigrationIntegrationTests {

    static final String OWNER = "process-owner";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Test
    @DisplayName(
            "process-owner migrates running full-online cases to a fixed version and retries the failed job of one in an incident")
    void processOwnerMigratesCasesAndRetriesFailedJobs() throws Exception {
        String source = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(FullOnlineCases.PROCESS_KEY)
                .latestVersion()
                .singleResult()
                .getId();
        String atAcceptance = "MIG-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance waiting =
                runtime.startProcessInstanceById(source, atAcceptance, FullOnlineCases.variables(atAcceptance));
        String inIncident = "MIG-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance stuck = runtime.createProcessInstanceById(source)
                .businessKey(inIncident)
                .setVariables(FullOnlineCases.variables(inIncident))
                .setVariable("supplementWait", "P30D")
                .startBeforeActivity("Task_AwaitSupplement")
                .execute();
        Job timer = management.createJobQuery().processInstanceId(stuck.getId()).singleResult();
        management.setJobRetries(timer.getId(), 0);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(stuck.getId())
                        .count())
                .isOne();

        String target = deployFixedModel();
        assertThat(target).isNotEqualTo(source);

        JsonNode plan = post(
                        "/engine-rest/migration/generate",
                        json.createObjectNode()
                                .put("sourceProcessDefinitionId", source)
                                .put("targetProcessDefinitionId", target)
                                .put("updateEventTriggers", true))
                .getBody();
        assertThat(plan.path("instructions")).isNotEmpty();
        ResponseEntity<JsonNode> validation = post("/engine-rest/migration/validate", plan);
        assertThat(validation.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(validation.getBody().path("instructionReports")).isEmpty();
        ObjectNode execution = json.createObjectNode();
        execution.set("migrationPlan", plan);
        execution.set("processInstanceIds", json.valueToTree(List.of(waiting.getId(), stuck.getId())));
        ResponseEntity<JsonNode> executed = post("/engine-rest/migration/execute", execution);
        assertThat(executed.getStatusCode())
                .as(String.valueOf(executed.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);

        for (ProcessInstance instance : List.of(waiting, stuck)) {
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(instance.getId())
                            .singleResult()
                            .getProcessDefinitionId())
                    .isEqualTo(target);
        }
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(waiting.getId())
                        .singleResult()
                        .getProcessDefinitionId())
                .isEqualTo(target);

        ResponseEntity<JsonNode> retried = post(
                "/engine-rest/job/retries",
                json.createObjectNode()
                        .put("retries", 1)
                        .set(
                                "jobQuery",
                                json.createObjectNode()
                                        .put("processInstanceId", stuck.getId())
                                        .put("noRetriesLeft", true)));
        assertThat(retried.getStatusCode())
                .as(String.valueOf(retried.getBody()))
                .isEqualTo(HttpStatus.OK);
        awaitNoIncident(stuck.getId());
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(stuck.getId())
                        .count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(stuck.getId())
                        .singleResult()
                        .getRetries())
                .isOne();
        assertThat(rest.withBasicAuth(OWNER, "demo")
                        .getForEntity("/engine-rest/batch/statistics", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        runtime.deleteProcessInstance(waiting.getId(), "migration test");
        runtime.deleteProcessInstance(stuck.getId(), "migration test");
    }

    /** Step 1 of docs/migrating-cases.md: the changed model and every form, in one deployment. */
    String deployFixedModel() throws Exception {
        String model = Files.readString(Path.of("processes/full-online.bpmn"))
                .replace("name=\"全程网办\"", "name=\"全程网办（修订 " + UUID.randomUUID() + "）\"");
        assertThat(model).contains("（修订 ");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "full-online-fix");
        parts.add("full-online.bpmn", file("full-online.bpmn", model.getBytes(StandardCharsets.UTF_8)));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                String name = form.getFileName().toString();
                parts.add(name, file(name, Files.readAllBytes(form)));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> deployed = rest.withBasicAuth(OWNER, "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(deployed.getStatusCode())
                .as(String.valueOf(deployed.getBody()))
                .isEqualTo(HttpStatus.OK);
        JsonNode definitions = deployed.getBody().path("deployedProcessDefinitions");
        assertThat(definitions).hasSize(1);
        return definitions.elements().next().path("id").asText();
    }

    static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData(name, name);
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(
                new ByteArrayResource(content) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                },
                headers);
    }

    ResponseEntity<JsonNode> post(String path, JsonNode body) {
        return rest.withBasicAuth(OWNER, "demo").postForEntity(path, body, JsonNode.class);
    }

    /** The job executor runs the batch (seed job, then the retries); the incident goes once the retries are set. */
    void awaitNoIncident(String processInstanceId) throws InterruptedException {
        for (int i = 0;
                i < 300
                        && runtime.createIncidentQuery()
                                        .processInstanceId(processInstanceId)
                                        .count()
                                > 0;
                i++) {
            Thread.sleep(100);
        }
    }
}
