package cn.govflow.ledger;

import static cn.govflow.support.JobExecutor.awaitTrue;
import static cn.govflow.support.JobExecutor.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.support.GovflowIntegrationTest;
import cn.govflow.support.JobExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real cases of all three modes run through their models in the running application, in 松江区 in 2021 (engine
 * clock set back, so no other test's case is in the set). Then the ledger, the timeline, 好差评 and every figure of
 * the annual report (R32) are checked against what happened:
 * <pre>
 * A  全程网办 养犬登记证补证, online, accepted, approved on time                  → e-licence
 * B  全程网办, online, not accepted
 * C  全程网办, online, accepted, decided NOT_APPROVED 15 days later                → overdue
 * D  下放 驾驶证换证 at the window, id card from an e-licence, approved on the spot  → fee 10 元
 * E  委托收件 残疾人就业 at the window, receipt is acceptance, approved
 * F  下放 驾驶证换证 at the window, refused at receipt (不予收件)
 * G  下放 检测机构资质 at the window, 告知承诺, accepted, still under review
 * </pre>
 */
@GovflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerIntegrationTests {

    static final String DISTRICT = "songjiang";
    static final String NEW_TOWN = "songjiang-new-town";
    static final int YEAR = 2021;
    static final ZoneId SHANGHAI = WorkdayCalendar.ZONE;
    /** Monday 2021-03-01 10:00 in Shanghai, a working day. */
    static final LocalDateTime DAY_ONE = LocalDateTime.of(2021, 3, 1, 10, 0);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    String caseA;
    String caseB;
    String caseC;
    String caseD;
    String caseE;
    String caseF;
    String caseG;

    @BeforeAll
    void runTheCases() {
        at(DAY_ONE);
        caseA = apply("portal", fullOnline());
        caseB = apply("portal", fullOnline());
        caseC = apply("portal", fullOnline());
        caseD = apply("window-songjiang", drivingLicence());
        caseE = apply("window-songjiang", disabledEmployment());
        caseF = apply("window-songjiang", drivingLicence());
        caseG = apply("window-songjiang", inspectionAgency());

        // A: accepted, reviewed, approved the same day; the licence is issued by an async job.
        work(caseA, "Task_Acceptance", "city-public-security", Map.of("acceptanceOutcome", "ACCEPTED"));
        work(caseA, "Task_Review", "city-public-security", Map.of("reviewOpinion", "材料齐全，准予补证"));
        work(caseA, "Task_Decision", "city-public-security", Map.of("decision", "APPROVED"));
        // B: not accepted.
        work(
                caseB,
                "Task_Acceptance",
                "city-public-security",
                Map.of("acceptanceOutcome", "NOT_ACCEPTED", "reason", "申请人并非登记证持有人"));
        // C: accepted today, decided after its promised date (5 working days).
        work(caseC, "Task_Acceptance", "city-public-security", Map.of("acceptanceOutcome", "ACCEPTED"));
        // D: received at the window, decided on the spot by the chief representative, handed over.
        work(caseD, "Task_WindowReceipt", "window-songjiang", Map.of("receiptOutcome", "RECEIVED"));
        work(caseD, "Task_OnTheSpotDecision", "chief-songjiang", Map.of("onTheSpotDecision", "APPROVED"));
        work(caseD, "Task_Delivery", "window-songjiang", Map.of("handedOver", true));
        // E: the window's receipt is the acceptance (R24); reviewed and approved the next working day.
        work(caseE, "Task_WindowReceipt", "window-songjiang", Map.of("receiptOutcome", "RECEIVED"));
        // F: refused at the window.
        work(
                caseF,
                "Task_WindowReceipt",
                "window-songjiang",
                Map.of("receiptOutcome", "REFUSED", "reason", "不属于本中心受理范围"));
        // G: received and accepted by the district department, review still open.
        work(caseG, "Task_WindowReceipt", "window-songjiang", Map.of("receiptOutcome", "RECEIVED"));
        work(caseG, "Task_Acceptance", "dept-songjiang-housing-construction", Map.of("acceptanceOutcome", "ACCEPTED"));

        at(DAY_ONE.plusDays(1));
        work(caseE, "Task_Review", "city-disabled-persons", Map.of("reviewOpinion", "符合条件"));
        work(caseE, "Task_Decision", "city-disabled-persons", Map.of("decision", "APPROVED"));

        // Fifteen days on, the deadline timer of C has marked it overdue; it is decided now.
        at(DAY_ONE.plusDays(15));
        awaitNoDueTimer(caseC);
        work(caseC, "Task_Review", "city-public-security", Map.of("reviewOpinion", "材料与登记信息不符"));
        work(
                caseC,
                "Task_Decision",
                "city-public-security",
                Map.of("decision", "NOT_APPROVED", "reason", "犬只信息与原登记不一致"));
        awaitTrue("case A ended", () -> ended(caseA));
        awaitTrue("case E ended", () -> ended(caseE));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(0)
    @DisplayName("one clock: the engine's clock set to 2021 dates the case number, gf_case and the ledger alike")
    void oneClockForCaseNumberCaseRowAndLedger() {
        assertThat(caseA).startsWith("SH-20210301-SJ-");
        Timestamp created =
                jdbc.queryForObject("select created_at from gf_case where case_number = ?", Timestamp.class, caseA);
        assertThat(created.toInstant()).isEqualTo(DAY_ONE.atZone(SHANGHAI).toInstant());
        Timestamp applied = jdbc.queryForObject(
                "select applied_at from gf_ledger_case where case_number = ?", Timestamp.class, caseA);
        assertThat(applied.toLocalDateTime()).isEqualTo(DAY_ONE);
        Timestamp startStep = jdbc.queryForObject(
                "select min(started_at) from gf_ledger_step where case_number = ?", Timestamp.class, caseA);
        assertThat(startStep.toLocalDateTime()).isEqualTo(DAY_ONE);
    }

    @Test
    @Order(1)
    @DisplayName("R32: the 2021 report of 松江 counts exactly what the seven cases of the three modes did")
    void r32_everyFigureOfTheAnnualReport() {
        JsonNode report = getJson("supervisor", "/api/reports/annual?year={y}&district={d}", YEAR, DISTRICT);
        JsonNode f = report.path("figures");

        assertThat(report.path("districtName").asText()).isEqualTo("松江区");
        assertThat(f.path("applications").asLong()).isEqualTo(7);
        assertThat(f.path("accepted").asLong()).as("A C D E G").isEqualTo(5);
        assertThat(f.path("notAccepted").asLong()).as("B").isEqualTo(1);
        assertThat(f.path("approved").asLong()).as("A D E").isEqualTo(3);
        assertThat(f.path("notApproved").asLong()).as("C").isEqualTo(1);
        assertThat(f.path("acceptedOnline").asLong()).as("A C").isEqualTo(2);
        assertThat(f.path("fullyOnline").asLong()).as("A C").isEqualTo(2);
        assertThat(f.path("commitment").asLong()).as("G").isEqualTo(1);
        assertThat(f.path("onTheSpot").asLong()).as("D").isEqualTo(1);
        assertThat(f.path("onTime").asLong()).as("A D E").isEqualTo(3);
        assertThat(f.path("overdue").asLong()).as("C").isEqualTo(1);
        assertThat(f.path("feeCases").asLong()).as("D").isEqualTo(1);
        assertThat(f.path("feeTotal").decimalValue()).isEqualByComparingTo(new BigDecimal("10.00"));
        assertThat(f.path("windowReceipts").asLong()).as("D E G; F was refused").isEqualTo(3);
        assertThat(f.path("windowReceiptsWithLicence").asLong()).as("D G").isEqualTo(2);
        assertThat(f.path("licenceReplacedPaperRate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(f.path("refused").asLong()).as("F").isEqualTo(1);
        assertThat(f.path("awaitingDecision").asLong()).as("G").isEqualTo(1);
        assertThat(f.path("awaitingAcceptance").asLong()).isZero();
        assertThat(report.path("reconciliation"))
                .allSatisfy(r ->
                        assertThat(r.path("holds").asBoolean()).as(r.toString()).isTrue());

        Map<String, Long> byDepartment = new HashMap<>();
        report.path("byDepartment")
                .forEach(d -> byDepartment.put(
                        d.path("department").asText(),
                        d.path("figures").path("applications").asLong()));
        assertThat(byDepartment)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("public-security", 5L, "housing-construction", 1L, "disabled-persons", 1L));
        assertThat(report.path("byMonth")).hasSize(12);
        assertThat(report.path("byMonth")
                        .get(2)
                        .path("figures")
                        .path("applications")
                        .asLong())
                .as("March")
                .isEqualTo(7);

        JsonNode department = getJson(
                        "supervisor",
                        "/api/reports/annual?year={y}&district={d}&department={p}",
                        YEAR,
                        DISTRICT,
                        "public-security")
                .path("figures");
        assertThat(department.path("applications").asLong()).isEqualTo(5);
        assertThat(department.path("approved").asLong()).as("A D").isEqualTo(2);
    }

    @Test
    @Order(2)
    @DisplayName("R32: the same report as CSV and as a printable Chinese page with its charts")
    void r32_csvAndPage() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> csv = rest.withBasicAuth("supervisor", "demo")
                .exchange(
                        "/api/reports/annual?year={y}&district={d}",
                        HttpMethod.GET,
                        new HttpEntity<>(headers),
                        String.class,
                        YEAR,
                        DISTRICT);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFscope,code,name,applications,accepted,notAccepted,approved");
        assertThat(lines.get(1)).startsWith("范围,代码,名称,申请,受理,不予受理,批准");
        assertThat(lines.get(2)).startsWith("total,songjiang,松江区,7,5,1,3,1,2,2,1,1,3,1,1,10.00,3,2,66.67,1,0,0,0,1");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("department,public-security,"))
                .hasSize(3 + 3 + 12);

        ResponseEntity<String> page = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/reports/annual.html?year={y}&district={d}", String.class, YEAR, DISTRICT);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains(
                        "松江区 2021 年度行政许可实施情况",
                        "申请 7 件，其中，受理 5 件，不予受理 1 件",
                        "窗口受理用证免交比率达 66.67%",
                        "aria-label=\"各部门申请件数\"",
                        "aria-label=\"逐月申请件数\"",
                        "3月");
    }

    @Test
    @Order(3)
    @DisplayName(
            "R32: only supervisors read the report; a missing year or an unknown district is a 400 naming the field")
    void r32_reportAccessAndValidation() {
        assertThat(rest.withBasicAuth("window-songjiang", "demo")
                        .getForEntity("/api/reports/annual?year=2021", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/reports/annual?year=2021", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> noYear =
                rest.withBasicAuth("supervisor", "demo").getForEntity("/api/reports/annual", JsonNode.class);
        assertThat(noYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noYear.getBody().toString()).contains("year");
        ResponseEntity<JsonNode> badYear =
                rest.withBasicAuth("supervisor", "demo").getForEntity("/api/reports/annual?year=20x1", JsonNode.class);
        assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> district = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/reports/annual?year=2021&district=atlantis", JsonNode.class);
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(district.getBody().toString()).contains("district").doesNotContain("Exception");
    }

    @Test
    @Order(4)
    @DisplayName("Ledger: a case's row and steps follow its process — who did what, when, with which result")
    void ledgerRowsFollowTheProcess() {
        JsonNode a = getJson("supervisor", "/api/applications/{c}/timeline", caseA);
        JsonNode row = a.path("ledgerCase");
        assertThat(row.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(row.path("status").asText()).isEqualTo("ENDED");
        assertThat(row.path("mode").asText()).isEqualTo("FULL_ONLINE");
        assertThat(row.path("acceptedAt").asText()).startsWith("2021-03-01T10:00");
        assertThat(row.path("decidedAt").asText()).startsWith("2021-03-01");
        assertThat(row.path("onTime").asBoolean()).isTrue();
        assertThat(row.path("actualWorkdays").asInt()).isZero();
        List<String> steps = a.path("steps").findValuesAsText("activityId");
        assertThat(steps)
                .containsSubsequence(
                        "Task_Acceptance", "Task_Review", "Task_Decision", "Task_IssueLicence", "EndEvent_Approved");
        JsonNode decision = step(a, "Task_Decision");
        assertThat(decision.path("action").asText()).isEqualTo("APPROVED");
        assertThat(decision.path("assignee").asText()).isEqualTo("city-public-security");
        assertThat(decision.path("candidateGroup").asText()).isEqualTo("city-public-security");
        assertThat(step(a, "Task_Review").path("opinion").asText()).isEqualTo("材料齐全，准予补证");

        JsonNode c =
                getJson("supervisor", "/api/applications/{c}/timeline", caseC).path("ledgerCase");
        assertThat(c.path("overdue").asBoolean()).isTrue();
        assertThat(c.path("promisedDecisionDate").asText()).isEqualTo("2021-03-08");
        assertThat(c.path("actualWorkdays").asInt()).isEqualTo(11);

        JsonNode d = getJson("window-songjiang", "/api/applications/{c}/timeline", caseD)
                .path("ledgerCase");
        assertThat(d.path("onTheSpot").asBoolean()).isTrue();
        assertThat(d.path("fee").decimalValue()).isEqualByComparingTo("10");
        assertThat(d.path("deliveredAt").asText()).startsWith("2021-03-01");

        JsonNode f = getJson("supervisor", "/api/applications/{c}/timeline", caseF);
        assertThat(f.path("ledgerCase").path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(step(f, "Task_WindowReceipt").path("opinion").asText()).isEqualTo("不属于本中心受理范围");
    }

    @Test
    @Order(5)
    @DisplayName(
            "Timeline: still there after Camunda's history of the case is gone; the case's parties and supervisors only")
    void timelineOutlivesHistory() {
        String instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseA)
                .singleResult()
                .getId();
        history.deleteHistoricProcessInstance(instance);

        JsonNode timeline = getJson("portal", "/api/applications/{c}/timeline", caseA);
        assertThat(timeline.path("ledgerCase").path("caseNumber").asText()).isEqualTo(caseA);
        assertThat(timeline.path("steps").size()).isGreaterThanOrEqualTo(5);
        assertThat(getJson("portal", "/api/applications/{c}", caseA)
                        .path("status")
                        .asText())
                .as("the case's status comes from the ledger once its history is gone")
                .isEqualTo("APPROVED");
        assertThat(rest.withBasicAuth("window-jinshan", "demo")
                        .getForEntity("/api/applications/{c}/timeline", JsonNode.class, caseA)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("supervisor", "demo")
                        .getForEntity("/api/applications/{c}/timeline", JsonNode.class, "SH-20210301-XX-999999")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(6)
    @DisplayName(
            "R30: a bad rating after completion opens a rectification for the city department, due in 15 working days; once per case")
    void r30_badRatingOpensRectification() {
        ResponseEntity<JsonNode> early = rate("window-songjiang", caseG, Map.of("score", 5));
        assertThat(early.getStatusCode()).as("G is still under review").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> zero = rate("portal", caseA, Map.of("score", 0));
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zero.getBody().toString()).contains("score");
        assertThat(rate("supervisor", caseA, Map.of("score", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rate("window-jinshan", caseA, Map.of("score", 5)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> rated =
                rate("portal", caseA, Map.of("score", 2, "comment", "补证等了一整天", "channel", "APP"));
        assertThat(rated.getStatusCode()).as(String.valueOf(rated.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(rated.getBody().path("rectificationGroup").asText()).isEqualTo("city-public-security");
        // Rated on 2021-03-16 (a Tuesday): 15 working days later is 2021-04-07 (清明 4-3..4-5 off).
        assertThat(rated.getBody().path("rectificationDue").asText()).startsWith("2021-04-07");
        Task rectification = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseA)
                .taskDefinitionKey("Task_Rectification")
                .singleResult();
        assertThat(rectification).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(rectification.getId()))
                .anyMatch(l -> "city-public-security".equals(l.getGroupId()));

        assertThat(rate("portal", caseA, Map.of("score", 5)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(rate("window-songjiang", caseD, Map.of("score", 5)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        tasks.claim(rectification.getId(), "city-public-security");
        tasks.complete(rectification.getId(), Map.of("rectificationMeasures", "补证改为当日办结"));
        JsonNode timeline = getJson("supervisor", "/api/applications/{c}/timeline", caseA);
        assertThat(timeline.path("rating").path("rectificationMeasures").asText())
                .isEqualTo("补证改为当日办结");

        JsonNode ratings = getJson("supervisor", "/api/reports/annual?year={y}&district={d}", YEAR, DISTRICT)
                .path("ratings");
        assertThat(ratings.path("count").asLong()).isEqualTo(2);
        assertThat(ratings.path("bad").asLong()).isEqualTo(1);
        assertThat(ratings.path("good").asLong()).isEqualTo(1);
        assertThat(ratings.path("rectified").asLong()).isEqualTo(1);
        assertThat(ratings.path("average").decimalValue()).isEqualByComparingTo("3.50");
    }

    // ------------------------------------------------------------------ cases

    static Map<String, Object> fullOnline() {
        return Map.of(
                "itemCode",
                "2022-FO-004",
                "channel",
                "ONLINE",
                "district",
                DISTRICT,
                "applicant",
                Map.of("type", "PERSON", "name", "李四", "idType", "RESIDENT_ID", "idNumber", "310110199001011230"),
                "situation",
                "lost",
                "materials",
                List.of(
                        Map.of("code", "licence-loss-statement", "source", "UPLOAD"),
                        Map.of("code", "dog-photo", "source", "UPLOAD")),
                "delivery",
                Map.of("method", "E_LICENCE"),
                "commitment",
                false);
    }

    static Map<String, Object> drivingLicence() {
        return Map.of(
                "itemCode",
                "2022-DI-006",
                "channel",
                "WINDOW",
                "district",
                DISTRICT,
                "newTown",
                NEW_TOWN,
                "applicant",
                Map.of("type", "PERSON", "name", "王五", "idType", "RESIDENT_ID", "idNumber", "310110199001011230"),
                "situation",
                "name-change",
                "materials",
                List.of(
                        Map.of("code", "application-form", "source", "PAPER"),
                        Map.of("code", "id-card", "source", "E_LICENCE"),
                        Map.of("code", "household-register", "source", "E_LICENCE"),
                        Map.of("code", "old-driving-licence", "source", "PAPER"),
                        Map.of("code", "digital-photo-receipt", "source", "UPLOAD")),
                "delivery",
                Map.of("method", "WINDOW_PICKUP"),
                "commitment",
                false);
    }

    static Map<String, Object> disabledEmployment() {
        return Map.of(
                "itemCode",
                "2022-ER-005",
                "channel",
                "WINDOW",
                "district",
                DISTRICT,
                "applicant",
                Map.of("type", "ENTERPRISE", "name", "上海某科技有限公司", "idType", "USCC", "idNumber", "91350100M000100Y43"),
                "situation",
                "standard",
                "materials",
                List.of(
                        Map.of("code", "application-form", "source", "PAPER"),
                        Map.of("code", "business-licence", "source", "UPLOAD"),
                        Map.of("code", "job-description", "source", "UPLOAD")),
                "delivery",
                Map.of("method", "WINDOW_PICKUP"),
                "commitment",
                false);
    }

    static Map<String, Object> inspectionAgency() {
        return Map.of(
                "itemCode",
                "2022-DI-010",
                "channel",
                "WINDOW",
                "district",
                DISTRICT,
                "newTown",
                NEW_TOWN,
                "applicant",
                Map.of("type", "ENTERPRISE", "name", "上海某检测有限公司", "idType", "USCC", "idNumber", "91350100M000100Y43"),
                "situation",
                "commitment",
                "materials",
                List.of(
                        Map.of("code", "application-form", "source", "UPLOAD"),
                        Map.of("code", "commitment-letter", "source", "PAPER"),
                        Map.of("code", "business-licence", "source", "E_LICENCE"),
                        Map.of("code", "technical-staff", "source", "UPLOAD")),
                "delivery",
                Map.of("method", "WINDOW_PICKUP"),
                "commitment",
                true);
    }

    // ------------------------------------------------------------------ helpers

    static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(SHANGHAI).toInstant()));
    }

    String apply(String user, Map<String, Object> request) {
        ResponseEntity<JsonNode> response =
                rest.withBasicAuth(user, "demo").postForEntity("/api/applications", request, JsonNode.class);
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("caseNumber").asText();
    }

    /** Waits for the task (async steps run on the job executor), claims it as the user and completes it. */
    void work(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
        Task task = awaitValue(
                caseNumber + " at " + taskKey,
                () -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .taskDefinitionKey(taskKey)
                        .singleResult());
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .as("candidate group of %s", taskKey)
                .anyMatch(l -> user.equals(l.getGroupId()));
        tasks.claim(task.getId(), user);
        // An async step of the same case (licence, supervision report) may commit first: try again, as a clerk would.
        JobExecutor.await("completing " + taskKey + " of " + caseNumber)
                .ignoreException(OptimisticLockingException.class)
                .until(() -> {
                    tasks.complete(task.getId(), variables);
                    return true;
                });
    }

    boolean ended(String caseNumber) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count()
                == 0;
    }

    void awaitNoDueTimer(String caseNumber) {
        awaitTrue(
                "the deadline timer of " + caseNumber,
                () -> management
                                .createJobQuery()
                                .processInstanceId(runtime.createProcessInstanceQuery()
                                        .processInstanceBusinessKey(caseNumber)
                                        .singleResult()
                                        .getId())
                                .timers()
                                .duedateLowerThan(ClockUtil.getCurrentTime())
                                .count()
                        == 0);
    }

    JsonNode getJson(String user, String url, Object... args) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity(url, JsonNode.class, args);
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    ResponseEntity<JsonNode> rate(String user, String caseNumber, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo")
                .postForEntity("/api/applications/{c}/rating", body, JsonNode.class, caseNumber);
    }

    static JsonNode step(JsonNode timeline, String activityId) {
        for (JsonNode step : timeline.path("steps")) {
            if (activityId.equals(step.path("activityId").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + activityId + " in " + timeline.path("steps"));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso.substring(0, 10));
    }
}
