package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.AcceptanceAt;
import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.ClockStart;
import cn.govflow.catalog.ResultType;
import cn.govflow.catalog.VoucherIssuer;
import cn.govflow.process.CaseVariables;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/applications} and {@code GET /api/applications/{caseNumber}} over HTTP, real catalog items. */
@GovflowIntegrationTest
class ApplicationIntegrationTests {

    static final String PERSON_ID = "310104198001011239";
    static final String CREDIT_CODE = "91350100M000100Y43";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseRepository cases;

    final ObjectMapper json = new ObjectMapper();

    long instancesBefore;

    @BeforeEach
    void countInstances() {
        instancesBefore = history.createHistoricProcessInstanceQuery().count();
    }

    // ---- accepted applications ----

    @Test
    @DisplayName("R4: 2022-DI-007 (浦东新区 only) is accepted in pudong and runs DelegatedImplementationProcess")
    void r4_delegatedItemAcceptedInScope() {
        ResponseEntity<JsonNode> response = post("window-pudong", largeEvent("pudong", "WINDOW"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = response.getBody();
        String caseNumber = body.path("caseNumber").asText();
        assertThat(caseNumber).matches("SH-\\d{8}-PD-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/applications/" + caseNumber);
        assertThat(body.path("mode").asText()).isEqualTo("DELEGATED");
        assertThat(body.path("voucher").path("number").asText()).isEqualTo("SJ-" + caseNumber);
        assertThat(body.path("voucher").path("issuedBy").asText()).isEqualTo("SERVICE_CENTRE");
        assertThat(body.path("voucher").path("issuedAt").asText()).isNotBlank();
        LocalDate expected =
                LocalDate.parse(body.path("acceptanceDecisionExpectedBy").asText());
        assertThat(expected).isAfter(LocalDate.now(WorkdayCalendar.ZONE));

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(body.path("processInstanceId").asText())
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
        assertThat(repository
                        .getProcessDefinition(instance.getProcessDefinitionId())
                        .getKey())
                .isEqualTo("DelegatedImplementationProcess");
    }

    @Test
    @DisplayName("every start variable of docs/processes.md is set; the id number only masked, nothing else personal")
    void startVariables() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        ((ObjectNode) request.path("applicant")).put("phone", "021-12345678").put("address", "浦东新区某路1号");
        JsonNode body = post("window-pudong", request).getBody();

        Map<String, Object> v =
                runtime.getVariables(body.path("processInstanceId").asText());
        assertThat(v)
                .containsEntry(
                        CaseVariables.CASE_NUMBER, body.path("caseNumber").asText())
                .containsEntry(CaseVariables.ITEM_CODE, "2022-DI-007")
                .containsEntry(CaseVariables.ITEM_NAME, "核发《大型群众性活动安全管理许可证》")
                .containsEntry(CaseVariables.DEPARTMENT, "public-security")
                .containsEntry(CaseVariables.DEPARTMENT_NAME, "市公安局")
                .containsEntry(CaseVariables.DISTRICT, "pudong")
                .containsEntry(CaseVariables.APPLICANT_NAME, "上海某会展有限公司")
                .containsEntry(CaseVariables.APPLICANT_ID_MASKED, "9135**********0Y43")
                .containsEntry(CaseVariables.SITUATION, "一般情形")
                // R22: the plan is snapshotted in the case row, not copied into variables; no model default either.
                .doesNotContainKeys(CasePlans.VARIABLES.toArray(String[]::new))
                .doesNotContainKeys(
                        CaseVariables.PLAN_NOTICE,
                        "supplementWait",
                        // transient: the ledger reads them as the case starts; the case row keeps them
                        CaseVariables.MODE,
                        CaseVariables.CHANNEL,
                        CaseVariables.APPLICANT_TYPE,
                        CaseVariables.LICENCE_REPLACED_PAPER,
                        CaseVariables.COMMITMENT, // a delegated case: no gateway asks it
                        // in the case row only, read by the deliveries bean
                        CaseVariables.DELIVERY_METHOD);
        assertThat(cases.plan(body.path("caseNumber").asText()))
                .contains(new CasePlan(
                        ResultType.PAPER_LICENCE,
                        5,
                        false,
                        false,
                        AcceptanceAt.DISTRICT_DEPARTMENT,
                        false,
                        ClockStart.ACCEPTANCE,
                        VoucherIssuer.SERVICE_CENTRE));
        assertThat((String) v.get(CaseVariables.MATERIALS_RECEIVED))
                .isEqualTo("大型群众性活动安全许可申请表（上传）\n活动安全工作方案（纸质）\n场所管理者同意使用的证明（上传）");
        assertThat(v.values())
                .noneMatch(value -> String.valueOf(value).contains(CREDIT_CODE)
                        || String.valueOf(value).contains("021-12345678")
                        || String.valueOf(value).contains("某路1号"));
        // The full data stays in gf_case, for the features that need it.
        assertThat(jdbc.queryForObject(
                        "select id_number from gf_case where case_number = ?",
                        String.class,
                        body.path("caseNumber").asText()))
                .isEqualTo(CREDIT_CODE);
    }

    @Test
    @DisplayName("R5: 2022-ER-002 (闵行区档案局 only) is accepted in minhang, with the item's plan (R18, R22)")
    void r5_entrustedItemAcceptedByItsReceiver() {
        ResponseEntity<JsonNode> response = post("window-minhang", marriageRecord("minhang"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("caseNumber").asText()).contains("-MH-");
        assertThat(response.getBody().path("mode").asText()).isEqualTo("ENTRUSTED_RECEIPT");
        Map<String, Object> v = runtime.getVariables(
                response.getBody().path("processInstanceId").asText());
        assertThat(v).containsEntry(CaseVariables.APPLICANT_ID_MASKED, "3101**********1239");
        assertThat(cases.plan(response.getBody().path("caseNumber").asText()))
                .get()
                .returns(AcceptanceAt.CITY_DEPARTMENT, CasePlan::acceptanceAt)
                .returns(true, CasePlan::paperMaterials)
                .returns(ClockStart.RECEIPT, CasePlan::clockStartsAt);
        assertThat((String) v.get(CaseVariables.PLAN_NOTICE)).contains("受理地点：市级业务部门", "纸质材料：须寄递至市级业务部门", "自收件之日起算");
        assertThat(processKey(response)).isEqualTo("EntrustedReceiptProcess");
    }

    @Test
    @DisplayName("R4: 2022-DI-026 (医疗广告审查, all 16 districts) is accepted in chongming")
    void r4_medicalAdvertisingAcceptedInChongming() {
        ResponseEntity<JsonNode> response = post("portal", medicalAdvertising("chongming"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("caseNumber").asText()).contains("-CM-");
    }

    @Test
    @DisplayName("R1: a full-online item starts FullOnlineProcess from the portal, voucher issued online (R17)")
    void r1_fullOnlineItemFromThePortal() {
        ResponseEntity<JsonNode> response = post("portal", dogLicenceCancellation());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("voucher").path("issuedBy").asText()).isEqualTo("ONLINE");
        assertThat(processKey(response)).isEqualTo("FullOnlineProcess");
    }

    @Test
    @DisplayName("R4/R24: 2022-DI-005 (new towns only) is accepted in 松江新城; receipt is acceptance, known today")
    void r4_newTownItemAcceptedInItsNewTown() {
        ResponseEntity<JsonNode> response =
                post("window-songjiang", drivingQualification("songjiang", "songjiang-new-town"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("acceptanceDecisionExpectedBy").asText())
                .isEqualTo(LocalDate.now(WorkdayCalendar.ZONE).toString());
        assertThat(cases.plan(response.getBody().path("caseNumber").asText()))
                .get()
                .returns(true, CasePlan::receiptIsAcceptance)
                .returns(AcceptanceAt.WINDOW, CasePlan::acceptanceAt)
                .returns(true, CasePlan::onTheSpot);
    }

    // ---- refused applications: nothing is started ----

    @Test
    @DisplayName("R4: 2022-DI-007 from yangpu is 422 — not delegated there")
    void r4_delegatedItemOutsideScope() {
        assertProblem(post("window-yangpu", largeEvent("yangpu", "WINDOW")), 422, "district", "R4");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R4: 2022-DI-005 from songjiang outside its new town is 422, and a new town of another district too")
    void r4_newTownItemOutsideItsNewTowns() {
        ResponseEntity<JsonNode> noNewTown = post("window-songjiang", drivingQualification("songjiang", null));
        assertProblem(noNewTown, 422, "district", "R4");
        assertThat(noNewTown.getBody().path("detail").asText()).contains("newTown");
        assertProblem(
                post("window-songjiang", drivingQualification("songjiang", "jiading-new-town")), 422, "newTown", "R4");
        assertProblem(post("window-xuhui", drivingQualification("xuhui", null)), 422, "district", "R4");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R5: 2022-ER-002 in xuhui is 422 — only 闵行区档案局 receives")
    void r5_entrustedItemOutsideReceivers() {
        assertProblem(post("window-xuhui", marriageRecord("xuhui")), 422, "district", "R5");
        assertNothingStarted();
    }

    @Test
    @DisplayName("malformed JSON is 400")
    void malformedJson() {
        ResponseEntity<JsonNode> response = postRaw("portal", "{\"itemCode\": \"2022-DI-007\", ", null);
        assertProblem(response, 400, "body", "json");
        assertNothingStarted();
    }

    @Test
    @DisplayName("an unknown enum value names its field")
    void badEnumValue() {
        ObjectNode request = largeEvent("pudong", "FAX");
        assertProblem(post("portal", request), 400, "channel", "format");
        assertNothingStarted();
    }

    @Test
    @DisplayName("missing fields are 400, each named")
    void missingFields() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        request.remove("situation");
        request.remove("delivery");
        ResponseEntity<JsonNode> response = post("portal", request);
        assertProblem(response, 400, "delivery", "NotNull");
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .containsExactly("delivery", "situation");
        assertNothingStarted();
    }

    @Test
    @DisplayName("GB 11643: a resident id with a wrong check digit is 400")
    void badResidentIdChecksum() {
        ObjectNode request = marriageRecord("minhang");
        ((ObjectNode) request.path("applicant")).put("idNumber", "310104198001011234");
        assertProblem(post("window-minhang", request), 400, "applicant.idNumber", "GB11643");
        assertNothingStarted();
    }

    @Test
    @DisplayName("GB 32100: a credit code with a wrong check character is 400")
    void badCreditCodeChecksum() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        ((ObjectNode) request.path("applicant")).put("idNumber", "91350100M000100Y44");
        assertProblem(post("portal", request), 400, "applicant.idNumber", "GB32100");
        assertNothingStarted();
    }

    @Test
    @DisplayName("a courier delivery without an address is 400")
    void courierWithoutAddress() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        request.set("delivery", json.createObjectNode().put("method", "COURIER"));
        assertProblem(post("portal", request), 400, "delivery.address", "required");
        assertNothingStarted();
    }

    @Test
    @DisplayName("an unknown item is 404")
    void unknownItem() {
        ObjectNode request = largeEvent("pudong", "WINDOW").put("itemCode", "2022-DI-099");
        assertProblem(post("portal", request), 404, "itemCode", "exists");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R29: a commitment on an item that does not allow 告知承诺 is 422")
    void r29_commitmentNotAllowed() {
        ObjectNode request = largeEvent("pudong", "WINDOW").put("commitment", true);
        assertProblem(post("window-pudong", request), 422, "commitment", "R29");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R3: a channel the item does not offer is 422 (2022-ER-002 is window only)")
    void r3_channelNotOffered() {
        ObjectNode request = marriageRecord("minhang").put("channel", "ONLINE");
        assertProblem(post("portal", request), 422, "channel", "R3");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R11 一次性告知: missing materials are 422 listing every one at once")
    void r11_everyMissingMaterialAtOnce() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        request.set("materials", json.createArrayNode().add(material("application-form", "UPLOAD")));

        ResponseEntity<JsonNode> response = post("window-pudong", request);

        assertProblem(response, 422, "materials", "R11");
        assertThat(response.getBody().path("missingMaterials").findValuesAsText("code"))
                .containsExactly("security-plan", "venue-consent");
        assertThat(response.getBody().path("missingMaterials").findValuesAsText("name"))
                .containsExactly("活动安全工作方案", "场所管理者同意使用的证明");
        assertThat(response.getBody().path("detail").asText()).contains("活动安全工作方案", "场所管理者同意使用的证明");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R8: a paper copy of a material 两个免于提交 exempts is refused")
    void r8_paperCopyOfExemptMaterial() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        ((ArrayNode) request.path("materials")).add(material("business-licence", "PAPER"));

        ResponseEntity<JsonNode> response = post("window-pudong", request);

        assertProblem(response, 422, "materials[3].source", "R8");
        assertThat(response.getBody().path("detail").asText()).contains("营业执照", "两个免于提交");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R8: the same exempt material taken from its e-licence is fine")
    void r8_exemptMaterialFromItsELicence() {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        ((ArrayNode) request.path("materials")).add(material("business-licence", "E_LICENCE"));

        assertThat(post("window-pudong", request).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    // ---- who may start ----

    @Test
    @DisplayName("401 without credentials")
    void anonymousIsRejected() {
        ResponseEntity<JsonNode> response = rest.postForEntity(
                "/api/applications", entity(largeEvent("pudong", "WINDOW").toString(), null), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertNothingStarted();
    }

    @Test
    @DisplayName("a supervisor may not start cases: 403")
    void supervisorIsForbidden() {
        assertProblem(post("supervisor", largeEvent("pudong", "WINDOW")), 403, null, "role");
        assertProblem(post("city-public-security", largeEvent("pudong", "WINDOW")), 403, null, "role");
        assertNothingStarted();
    }

    @Test
    @DisplayName("R6: a window clerk starts cases of their own district only: 403 elsewhere")
    void windowClerkOnlyInOwnDistrict() {
        assertProblem(post("window-yangpu", largeEvent("pudong", "WINDOW")), 403, "district", "window-district");
        assertNothingStarted();
    }

    // ---- idempotency ----

    @Test
    @DisplayName("the same Idempotency-Key and body answer the first case with 200; another body is 409")
    void idempotencyKey() {
        String key = UUID.randomUUID().toString();
        ObjectNode request = largeEvent("pudong", "WINDOW");

        ResponseEntity<JsonNode> first = postRaw("portal", request.toString(), key);
        ResponseEntity<JsonNode> again = postRaw("portal", request.toPrettyString(), key);
        ResponseEntity<JsonNode> other = postRaw(
                "portal",
                request.deepCopy()
                        .put("newTown", (String) null)
                        .put("district", "pudong")
                        .set("applicant", person())
                        .toString(),
                key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("caseNumber")).isEqualTo(first.getBody().path("caseNumber"));
        assertThat(again.getBody().path("processInstanceId"))
                .isEqualTo(first.getBody().path("processInstanceId"));
        assertProblem(other, 409, "Idempotency-Key", "idempotency");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore + 1);
    }

    @Test
    @DisplayName("the Idempotency-Key is per caller: another caller's identical key starts its own case")
    void idempotencyKeyIsPerCaller() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> portal =
                postRaw("portal", largeEvent("pudong", "WINDOW").toString(), key);
        ResponseEntity<JsonNode> window =
                postRaw("window-pudong", largeEvent("pudong", "WINDOW").toString(), key);

        assertThat(portal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(window.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(window.getBody().path("caseNumber"))
                .isNotEqualTo(portal.getBody().path("caseNumber"));
    }

    @Test
    @DisplayName("concurrent identical requests with one Idempotency-Key create one case")
    void concurrentIdenticalRequestsCreateOneCase() throws Exception {
        int callers = 4;
        String key = UUID.randomUUID().toString();
        String body = largeEvent("pudong", "WINDOW").toString();
        CountDownLatch go = new CountDownLatch(1);
        Callable<ResponseEntity<JsonNode>> call = () -> {
            go.await();
            return postRaw("portal", body, key);
        };
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                responses.add(future.get());
            }

            assertThat(responses)
                    .extracting(r -> r.getStatusCode().value())
                    .containsOnly(201, 200)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            assertThat(responses)
                    .extracting(r -> r.getBody().path("caseNumber").asText())
                    .containsOnly(responses.get(0).getBody().path("caseNumber").asText());
            assertThat(jdbc.queryForObject(
                            "select count(*) from gf_case where idempotency_key = ?", Integer.class, key))
                    .isOne();
            assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- reading a case ----

    @Test
    @DisplayName("a case shows mode, status, current steps and timeline, the id number masked")
    void readCase() {
        String caseNumber = post("window-pudong", largeEvent("pudong", "WINDOW"))
                .getBody()
                .path("caseNumber")
                .asText();

        ResponseEntity<JsonNode> response = get("window-pudong", caseNumber);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode c = response.getBody();
        assertThat(c.path("mode").asText()).isEqualTo("DELEGATED");
        assertThat(c.path("status").asText()).isEqualTo("RUNNING");
        assertThat(c.path("itemName").asText()).isEqualTo("核发《大型群众性活动安全管理许可证》");
        assertThat(c.path("applicant").path("idNumber").asText()).isEqualTo("9135**********0Y43");
        assertThat(c.toString()).doesNotContain(CREDIT_CODE);
        assertThat(c.path("currentSteps")).isNotEmpty();
        assertThat(c.path("currentSteps").findValuesAsText("name")).allMatch(name -> !name.isBlank());
        assertThat(c.path("timeline").size()).isGreaterThanOrEqualTo(2);
        assertThat(c.path("timeline").get(0).path("start").asText()).isNotBlank();
        assertThat(c.path("timeline").get(0).path("end").asText()).isNotBlank();
    }

    @Test
    @DisplayName("who sees a case: its district's window, its department, the supervisor; others get 404")
    void caseVisibility() {
        String caseNumber = post("window-pudong", largeEvent("pudong", "WINDOW"))
                .getBody()
                .path("caseNumber")
                .asText();

        assertThat(get("window-pudong", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("supervisor", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("city-public-security", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("dept-pudong-public-security", caseNumber).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(get("window-yangpu", caseNumber), 404, "caseNumber", "exists");
        assertProblem(get("dept-yangpu-public-security", caseNumber), 404, "caseNumber", "exists");
        assertProblem(get("city-justice", caseNumber), 404, "caseNumber", "exists");
        assertProblem(get("portal", caseNumber), 404, "caseNumber", "exists");
        assertProblem(get("courier", caseNumber), 404, "caseNumber", "exists");
    }

    @Test
    @DisplayName("the portal sees the cases it started")
    void portalSeesItsOwnCases() {
        String caseNumber = post("portal", medicalAdvertising("chongming"))
                .getBody()
                .path("caseNumber")
                .asText();

        assertThat(get("portal", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("window-chongming", caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("window-pudong", caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("an unknown case number is 404")
    void unknownCase() {
        assertProblem(get("supervisor", "SH-20000101-PD-000000"), 404, "caseNumber", "exists");
    }

    @Test
    @DisplayName("CaseDirectory gives other features the delivery address by case number")
    void caseDirectory(@Autowired CaseDirectory directory) {
        ObjectNode request = largeEvent("pudong", "WINDOW");
        request.set("delivery", json.createObjectNode().put("method", "COURIER").put("address", "浦东新区世纪大道1号"));
        String caseNumber = post("portal", request).getBody().path("caseNumber").asText();

        CaseRecord record = directory.find(caseNumber).orElseThrow();
        assertThat(record.deliveryMethod()).isEqualTo(DeliveryMethod.COURIER);
        assertThat(record.deliveryAddress()).isEqualTo("浦东新区世纪大道1号");
        assertThat(record.toString()).doesNotContain(CREDIT_CODE).contains("9135**********0Y43");
        assertThat(directory.find("SH-20000101-PD-000000")).isEmpty();
    }

    // ---- requests ----

    /** 2022-DI-007 大型群众性活动安全管理许可证, an enterprise applicant. */
    ObjectNode largeEvent(String district, String channel) {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-DI-007").put("channel", channel).put("district", district);
        request.set(
                "applicant",
                json.createObjectNode()
                        .put("type", "ENTERPRISE")
                        .put("name", "上海某会展有限公司")
                        .put("idType", "USCC")
                        .put("idNumber", CREDIT_CODE));
        request.put("situation", "standard");
        request.set(
                "materials",
                json.createArrayNode()
                        .add(material("application-form", "UPLOAD"))
                        .add(material("security-plan", "PAPER"))
                        .add(material("venue-consent", "UPLOAD")));
        request.set("delivery", json.createObjectNode().put("method", "WINDOW_PICKUP"));
        request.put("commitment", false);
        return request;
    }

    /** 2022-ER-002 婚姻登记档案查询, the applicant's own record. */
    ObjectNode marriageRecord(String district) {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-ER-002").put("channel", "WINDOW").put("district", district);
        request.set("applicant", person());
        request.put("situation", "own-record");
        request.set(
                "materials",
                json.createArrayNode()
                        .add(material("application-form", "PAPER"))
                        .add(material("id-card", "E_LICENCE")));
        request.set("delivery", json.createObjectNode().put("method", "WINDOW_PICKUP"));
        return request;
    }

    /** 2022-DI-005 机动车驾驶资格恢复, at a window of a new town. */
    ObjectNode drivingQualification(String district, String newTown) {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-DI-005").put("channel", "WINDOW").put("district", district);
        if (newTown != null) {
            request.put("newTown", newTown);
        }
        request.set("applicant", person());
        request.put("situation", "standard");
        request.set("materials", json.createArrayNode().add(material("application-form", "PAPER")));
        request.set("delivery", json.createObjectNode().put("method", "WINDOW_PICKUP"));
        return request;
    }

    /** 2022-DI-026 医疗广告审查, online. */
    ObjectNode medicalAdvertising(String district) {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-DI-026").put("channel", "ONLINE").put("district", district);
        request.set(
                "applicant",
                json.createObjectNode()
                        .put("type", "ENTERPRISE")
                        .put("name", "上海某医院有限公司")
                        .put("idType", "USCC")
                        .put("idNumber", "91110000802100433B"));
        request.put("situation", "standard");
        request.set(
                "materials",
                json.createArrayNode()
                        .add(material("application-form", "UPLOAD"))
                        .add(material("advertisement-sample", "UPLOAD")));
        request.set("delivery", json.createObjectNode().put("method", "E_LICENCE"));
        return request;
    }

    /** 2022-FO-003 核发《养犬登记证》（注销）, the dog died. */
    ObjectNode dogLicenceCancellation() {
        ObjectNode request = json.createObjectNode();
        request.put("itemCode", "2022-FO-003").put("channel", "ONLINE").put("district", "yangpu");
        request.set("applicant", person());
        request.put("situation", "dog-died");
        request.set("materials", json.createArrayNode().add(material("dog-death-statement", "UPLOAD")));
        request.set("delivery", json.createObjectNode().put("method", "WINDOW_PICKUP"));
        return request;
    }

    ObjectNode person() {
        return json.createObjectNode()
                .put("type", "PERSON")
                .put("name", "张三")
                .put("idType", "RESIDENT_ID")
                .put("idNumber", PERSON_ID);
    }

    ObjectNode material(String code, String source) {
        return json.createObjectNode().put("code", code).put("source", source);
    }

    // ---- HTTP ----

    ResponseEntity<JsonNode> post(String user, JsonNode body) {
        return postRaw(user, body.toString(), null);
    }

    ResponseEntity<JsonNode> postRaw(String user, String body, String idempotencyKey) {
        return rest.withBasicAuth(user, "demo")
                .exchange("/api/applications", HttpMethod.POST, entity(body, idempotencyKey), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String caseNumber) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/applications/" + caseNumber, JsonNode.class);
    }

    static HttpEntity<String> entity(String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return new HttpEntity<>(body, headers);
    }

    String processKey(ResponseEntity<JsonNode> response) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(response.getBody().path("processInstanceId").asText())
                .singleResult();
        return repository
                .getProcessDefinition(instance.getProcessDefinitionId())
                .getKey();
    }

    static void assertProblem(ResponseEntity<JsonNode> response, int status, String field, String rule) {
        assertThat(response.getStatusCode().value())
                .as("status of %s", response.getBody())
                .isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = response.getBody();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(body.path("field").asText()).as("field of %s", body).isEqualTo(field);
        }
        assertThat(body.path("rule").asText()).as("rule of %s", body).isEqualTo(rule);
        assertThat(body.toString()).doesNotContain("Exception", "at cn.govflow");
    }

    void assertNothingStarted() {
        assertThat(history.createHistoricProcessInstanceQuery().count())
                .as("process instances started")
                .isEqualTo(instancesBefore);
    }
}
