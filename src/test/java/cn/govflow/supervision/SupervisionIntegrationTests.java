package cn.govflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The supervision ledger, the suspension of a delegation and its lifting by an admin (R4). */
@GovflowIntegrationTest
class SupervisionIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    SupervisionLedger ledger;

    @Autowired
    DelegationSuspensions suspensions;

    @Autowired
    ReportToCitySupervisionDelegate report;

    @Autowired
    RecordSpotCheckDelegate recordSpotCheck;

    @Autowired
    SuspendDelegationDelegate suspend;

    @Autowired
    SpotCheckDraw spotCheckDraw;

    @Test
    @DisplayName("R4: a district approval is reported to the city once, even when the job is retried")
    void r4_reportsADistrictApprovalOnce() throws Exception {
        DelegateExecution execution = execution("DI-SUP-0001", Map.of("decisionLevel", "DISTRICT"));

        report.execute(execution);
        report.execute(execution);

        SupervisionLedger.Report row = ledger.find("DI-SUP-0001").orElseThrow();
        assertThat(row.itemCode()).isEqualTo("2022-DI-007");
        assertThat(row.district()).isEqualTo("pudong");
        assertThat(row.department()).isEqualTo("public-security");
        assertThat(row.decisionLevel()).isEqualTo("DISTRICT");
        assertThat(row.reportedAt()).isNotNull();
    }

    @Test
    @DisplayName("R4: the draw and the city's spot-check result are written to the ledger row of the case")
    void r4_recordsDrawAndSpotCheckResult() throws Exception {
        report.execute(execution("DI-SUP-0002", Map.of("decisionLevel", "CHIEF_REPRESENTATIVE")));
        ledger.markDrawn("DI-SUP-0002", true);

        recordSpotCheck.execute(execution("DI-SUP-0002", Map.of("spotCheckResult", "VIOLATION", "reason", "未实地核查")));

        SupervisionLedger.Report row = ledger.find("DI-SUP-0002").orElseThrow();
        assertThat(row.spotCheckDrawn()).isTrue();
        assertThat(row.spotCheckResult()).isEqualTo("VIOLATION");
        assertThat(row.spotCheckReason()).isEqualTo("未实地核查");
        assertThat(spotCheckDraw.rate()).isEqualTo(0.10);
    }

    @Test
    @DisplayName("R4: a violation suspends the item in that district only, until camunda-admin lifts it")
    void r4_violationSuspendsUntilAnAdminLiftsIt() throws Exception {
        suspend.execute(
                execution("DI-SUP-0003", Map.of("itemCode", "2022-DI-016", "district", "xuhui", "reason", "未按审批条件审批")));
        suspend.execute(
                execution("DI-SUP-0003", Map.of("itemCode", "2022-DI-016", "district", "xuhui", "reason", "未按审批条件审批")));

        assertThat(suspensions.isSuspended("2022-DI-016", "xuhui")).isTrue();
        assertThat(suspensions.isSuspended("2022-DI-016", "yangpu")).isFalse();
        assertThat(suspensions.active())
                .filteredOn(s -> s.itemCode().equals("2022-DI-016"))
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("DI-SUP-0003").contains("未按审批条件审批"));

        ResponseEntity<JsonNode> list =
                rest.withBasicAuth("supervisor", "demo").getForEntity("/api/supervision/suspensions", JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody().toString()).contains("2022-DI-016");

        ResponseEntity<JsonNode> bySupervisor = lift("supervisor", "demo", "2022-DI-016", "xuhui");
        assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bySupervisor.getBody().path("rule").asText()).isEqualTo("R4");
        assertThat(suspensions.isSuspended("2022-DI-016", "xuhui")).isTrue();

        assertThat(lift("admin", "admin", "2022-DI-016", "xuhui").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(suspensions.isSuspended("2022-DI-016", "xuhui")).isFalse();

        ResponseEntity<JsonNode> again = lift("admin", "admin", "2022-DI-016", "xuhui");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.getBody().path("field").asText()).isEqualTo("itemCode");
    }

    @Test
    @DisplayName(
            "R4: while 2022-DI-007 is suspended in pudong, intake refuses it there with 422; after lifting it accepts")
    void r4_intakeRefusesASuspendedDistrict() throws Exception {
        suspend.execute(execution(
                "DI-SUP-0004", Map.of("itemCode", "2022-DI-007", "district", "pudong", "reason", "未核验场地安全条件即批准")));

        ResponseEntity<JsonNode> refused = apply("pudong");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("rule").asText()).isEqualTo("R4");
        assertThat(refused.getBody().path("field").asText()).isEqualTo("district");
        assertThat(refused.getBody().path("detail").asText()).isEqualTo("该事项在本区的下放审批权限已暂停");

        assertThat(lift("admin", "admin", "2022-DI-007", "pudong").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(apply("pudong").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> apply(String district) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-DI-007").put("channel", "WINDOW").put("district", district);
        request.set(
                "applicant",
                json.createObjectNode()
                        .put("type", "ENTERPRISE")
                        .put("name", "上海某会展有限公司")
                        .put("idType", "USCC")
                        .put("idNumber", "91350100M000100Y43"));
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
        return rest.withBasicAuth("window-" + district, "demo")
                .postForEntity("/api/applications", request, JsonNode.class);
    }

    @Test
    @DisplayName("a window clerk may not read the suspensions")
    void windowClerkCannotReadSuspensions() {
        assertThat(rest.withBasicAuth("window-xuhui", "demo")
                        .getForEntity("/api/supervision/suspensions", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> lift(String user, String password, String itemCode, String district) {
        return rest.withBasicAuth(user, password)
                .exchange(
                        "/api/supervision/suspensions/{item}/{district}",
                        HttpMethod.DELETE,
                        null,
                        JsonNode.class,
                        itemCode,
                        district);
    }

    private static DelegateExecution execution(String caseNumber, Map<String, Object> more) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        when(execution.getVariable("itemCode")).thenReturn(more.getOrDefault("itemCode", "2022-DI-007"));
        when(execution.getVariable("itemName")).thenReturn("核发《大型群众性活动安全管理许可证》");
        when(execution.getVariable("district")).thenReturn(more.getOrDefault("district", "pudong"));
        when(execution.getVariable("department")).thenReturn("public-security");
        more.forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
        return execution;
    }
}
