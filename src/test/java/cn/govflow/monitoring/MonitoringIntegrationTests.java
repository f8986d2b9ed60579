package cn.govflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /actuator/prometheus after cases have been worked: govflow's metrics with their labels, and who may read them. */
@GovflowIntegrationTest
class MonitoringIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Autowired
    OpenWorkGauges gauges;

    @Test
    @DisplayName(
            "After a case was approved, one refused and one left open with an incident, the metrics show them by bounded labels")
    void metricsAfterCasesHaveBeenWorked() {
        String approved = FullOnlineCases.applyOverApi(rest);
        FullOnlineCases.approve(approved, tasks, history);
        Map<String, Object> incomplete = new HashMap<>(FullOnlineCases.application());
        incomplete.put("materials", List.of(Map.of("code", "dog-photo", "source", "UPLOAD")));
        ResponseEntity<JsonNode> refused =
                rest.withBasicAuth("portal", "demo").postForEntity("/api/applications", incomplete, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String open = FullOnlineCases.applyOverApi(rest);
        Execution waiting = runtime.createExecutionQuery()
                .processInstanceBusinessKey(open)
                .activityId("Task_Acceptance")
                .singleResult();
        Incident incident = runtime.createIncident("govflow-monitoring-test", waiting.getId(), "监控测试");
        try {
            gauges.refresh();
            String metrics = scrape("monitoring");

            assertThat(metrics)
                    .satisfies(
                            m -> assertSeries(
                                    m,
                                    "govflow_cases_started_total",
                                    "mode=\"FULL_ONLINE\"",
                                    "district=\"yangpu\"",
                                    "channel=\"ONLINE\""),
                            m -> assertSeries(
                                    m, "govflow_cases_ended_total", "mode=\"FULL_ONLINE\"", "outcome=\"APPROVED\""),
                            m -> assertSeries(m, "govflow_intake_refusals_total", "rule=\"R11\""),
                            m -> assertSeries(
                                    m,
                                    "govflow_task_completion_seconds_count",
                                    "process=\"FullOnlineProcess\"",
                                    "task=\"Task_Acceptance\""),
                            m -> assertSeries(m, "govflow_task_completion_seconds_sum", "task=\"Task_Decision\""),
                            m -> assertSeries(m, "govflow_licence_issuance_seconds_count"),
                            m -> assertSeries(m, "govflow_courier_handoffs_failed_total", "purpose=\"RESULT\""),
                            m -> assertSeries(
                                    m, "govflow_cases_open", "mode=\"FULL_ONLINE\"", "step=\"Task_Acceptance\""),
                            m -> assertSeries(m, "govflow_cases_overdue", "mode=\"DELEGATED\""),
                            m -> assertSeries(m, "govflow_cases_due_soon", "mode=\"ENTRUSTED_RECEIPT\""),
                            m -> assertSeries(
                                    m,
                                    "govflow_incidents_open",
                                    "process=\"FullOnlineProcess\"",
                                    "activity=\"Task_Acceptance\""),
                            m -> assertSeries(
                                    m, "govflow_incidents_oldest_age_seconds", "activity=\"Task_Acceptance\""),
                            m -> assertSeries(m, "govflow_jobs_due"),
                            m -> assertSeries(m, "camunda_engine_job_successful_total"),
                            m -> assertSeries(m, "camunda_engine_job_failed_total"),
                            m -> assertSeries(m, "camunda_engine_activity_instance_start_total"),
                            m -> assertSeries(m, "hikaricp_connections_active"),
                            m -> assertSeries(m, "hikaricp_connections_pending"),
                            m -> assertSeries(m, "http_server_requests_seconds_count", "uri=\"/api/applications\""));
            assertThat(value(metrics, "govflow_incidents_open", "activity=\"Task_Acceptance\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "govflow_cases_ended_total", "outcome=\"APPROVED\""))
                    .isGreaterThanOrEqualTo(1);
            // Bounded labels: no case number and no user id in any label.
            assertThat(metrics).doesNotContain(approved, open, "=\"portal\"", "=\"city-public-security\"");
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    @Test
    @DisplayName(
            "/actuator/prometheus: the monitoring group and camunda-admin read it, a window clerk gets 403, nobody 401")
    void whoMayReadTheMetrics() {
        assertThat(rest.withBasicAuth("monitoring", "demo")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("admin", "admin")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("window-yangpu", "demo")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("monitoring", "demo")
                        .getForEntity("/actuator/metrics", String.class)
                        .getStatusCode())
                .as("monitoring reads the scrape endpoint only")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String scrape(String user) {
        String password = "admin".equals(user) ? "admin" : "demo";
        ResponseEntity<String> answer =
                rest.withBasicAuth(user, password).getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** A sample line of the metric whose labels contain every given label. */
    private static void assertSeries(String metrics, String name, String... labels) {
        assertThat(samples(metrics, name, labels))
                .as("a sample of %s with %s", name, List.of(labels))
                .isNotEmpty();
    }

    private static double value(String metrics, String name, String... labels) {
        String line = samples(metrics, name, labels).get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static List<String> samples(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .toList();
    }
}
