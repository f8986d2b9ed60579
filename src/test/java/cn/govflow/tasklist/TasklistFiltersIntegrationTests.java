package cn.govflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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
import org.springframework.http.MediaType;

@GovflowIntegrationTest
class TasklistFiltersIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    ProcessInstance overdue;
    ProcessInstance dueTomorrow;
    ProcessInstance dueLater;
    ProcessInstance otherDistrict;

    @BeforeEach
    void casesWithDeadlines() {
        repository
                .createDeployment()
                .name("authorization-probe")
                .enableDuplicateFiltering(true)
                .addClasspathResource("security/authorization-probe.bpmn")
                .deploy();
        overdue = start("yangpu", Instant.now().minus(1, ChronoUnit.DAYS));
        dueTomorrow = start("yangpu", Instant.now().plus(1, ChronoUnit.DAYS));
        dueLater = start("yangpu", Instant.now().plus(30, ChronoUnit.DAYS));
        otherDistrict = start("pudong", Instant.now().minus(1, ChronoUnit.DAYS));
    }

    @Test
    @DisplayName("every clerk finds the four Chinese filters in Tasklist")
    void filtersExistInChinese() {
        JsonNode filters = rest.withBasicAuth("window-yangpu", "demo")
                .getForObject("/engine-rest/filter?resourceType=Task", JsonNode.class);

        assertThat(filters.findValuesAsText("name")).contains("我的待办", "即将到期", "已超期", "待补正");
    }

    @Test
    @DisplayName("我的待办 lists my group's tasks, earliest deadline first, and nothing of other districts")
    void myWorkListsOwnGroupsTasksByDueDate() {
        List<String> instances = list("window-yangpu", "我的待办");

        assertThat(instances).doesNotContain(otherDistrict.getId());
        assertThat(instances.stream().filter(List.of(overdue.getId(), dueTomorrow.getId(), dueLater.getId())::contains))
                .containsExactly(overdue.getId(), dueTomorrow.getId(), dueLater.getId());
    }

    @Test
    @DisplayName("R33: 已超期 shows tasks past their deadline, 即将到期 those due within three working days")
    void overdueAndDueSoon() {
        assertThat(list("window-yangpu", "已超期"))
                .contains(overdue.getId())
                .doesNotContain(dueTomorrow.getId(), dueLater.getId(), otherDistrict.getId());
        assertThat(list("window-yangpu", "即将到期"))
                .contains(dueTomorrow.getId())
                .doesNotContain(overdue.getId(), dueLater.getId());
    }

    private ProcessInstance start(String district, Instant due) {
        ProcessInstance instance =
                runtime.startProcessInstanceByKey("AuthorizationProbe", Map.of("district", district));
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
        return instance;
    }

    private List<String> list(String user, String filterName) {
        JsonNode filters = rest.withBasicAuth(user, "demo")
                .getForObject("/engine-rest/filter?resourceType=Task&name=" + filterName, JsonNode.class);
        String id = filters.get(0).get("id").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode result = rest.withBasicAuth(user, "demo")
                .exchange(
                        "/engine-rest/filter/" + id + "/list?maxResults=1000",
                        HttpMethod.POST,
                        new HttpEntity<>("{}", headers),
                        JsonNode.class)
                .getBody();
        return result.findValuesAsText("processInstanceId");
    }
}
