package cn.govflow.window;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.supervision.DelegationSuspensions;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * {@code GET /api/windows/{district}/items} and {@code /cases} over HTTP Basic: what a window may receive, what it
 * received today, and who may ask.
 */
@GovflowIntegrationTest
class WindowIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    DelegationSuspensions suspensions;

    @Test
    @DisplayName("R5: 2022-ER-002 is receivable at the Minhang window only; R1: full-online items everywhere")
    void r5_entrustedItemOnlyWhereTheDistrictReceives() {
        assertThat(codes(items("window-minhang", "minhang", ""))).contains("2022-ER-002", "2022-FO-006");
        assertThat(codes(items("window-yangpu", "yangpu", "")))
                .doesNotContain("2022-ER-002")
                .contains("2022-FO-006", "2022-ER-001");
    }

    @Test
    @DisplayName("R4: window-yangpu cannot find 2022-DI-007 (浦东 only); window-pudong can, with mode, days and fee")
    void r4_delegatedItemOnlyInScope() {
        assertThat(items("window-yangpu", "yangpu", "?q=2022-DI-007").getBody()).isEmpty();
        JsonNode pudong = items("window-pudong", "pudong", "?q=2022-DI-007").getBody();
        assertThat(codes(pudong)).containsExactly("2022-DI-007");
        JsonNode item = pudong.get(0);
        assertThat(item.path("modeName").asText()).isEqualTo("下放基层实施");
        assertThat(item.path("promisedDays").asInt()).isPositive();
        assertThat(item.path("fee").isNumber()).isTrue();
        assertThat(item.path("commitmentAllowed").isBoolean()).isTrue();
        assertThat(item.path("onTheSpotAllowed").isBoolean()).isTrue();
        assertThat(item.path("newTownRequired").asBoolean()).isFalse();
        // A paper licence: courier or pick-up, never an e-licence (R20).
        assertThat(texts(item.path("deliveryMethods"))).containsExactly("COURIER", "WINDOW_PICKUP");
    }

    @Test
    @DisplayName("R4: a new-town-only item (2022-DI-005) at the Songjiang window must name 松江新城")
    void r4_newTownChosenWhereItMatters() {
        JsonNode item = items("window-songjiang", "songjiang", "?q=2022-DI-005")
                .getBody()
                .get(0);

        assertThat(item.path("newTownRequired").asBoolean()).isTrue();
        assertThat(item.path("newTowns")).hasSize(1);
        assertThat(item.path("newTowns").get(0).path("code").asText()).isEqualTo("songjiang-new-town");
        assertThat(item.path("newTowns").get(0).path("name").asText()).isEqualTo("松江新城");
        assertThat(items("window-xuhui", "xuhui", "?q=2022-DI-005").getBody()).isEmpty();
    }

    @Test
    @DisplayName("search by department name: 市档案局 finds 2022-ER-002 at the Minhang window")
    void searchByDepartmentName() {
        assertThat(codes(items("window-minhang", "minhang", "?q=市档案局"))).contains("2022-ER-002");
        assertThat(codes(items("window-minhang", "minhang", "?department=archives")))
                .contains("2022-ER-002")
                .allMatch(code -> !code.equals("2022-FO-006"));
    }

    @Test
    @DisplayName("R4: a delegated item suspended in a district is not offered at its window until lifted")
    void r4_suspendedDelegationIsNotOffered() {
        suspensions.suspend("2022-DI-007", "pudong", "测试：抽查发现违规", null);
        try {
            assertThat(items("window-pudong", "pudong", "?q=2022-DI-007").getBody())
                    .isEmpty();
        } finally {
            suspensions.lift("2022-DI-007", "pudong", "admin");
        }
        assertThat(codes(items("window-pudong", "pudong", "?q=2022-DI-007"))).containsExactly("2022-DI-007");
    }

    @Test
    void anotherDistrictsWindowADepartmentAndThePortalAreRefused() {
        for (String user : List.of("window-yangpu", "dept-minhang-archives", "portal", "city-archives")) {
            ResponseEntity<JsonNode> items = items(user, "minhang", "");
            assertThat(items.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(items.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(items.getBody().path("field").asText()).isEqualTo("district");
            assertThat(items.getBody().path("rule").asText()).isEqualTo("window-district");
            assertThat(items.getBody().path("detail").asText()).contains("window-minhang");
            assertThat(cases(user, "minhang").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(cases("supervisor", "minhang").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/api/windows/minhang/items", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownDistrictIs404AndABadDateIs400() {
        ResponseEntity<JsonNode> unknown = items("window-minhang", "atlantis", "");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("field").asText()).isEqualTo("district");

        ResponseEntity<JsonNode> badDate = rest.withBasicAuth("window-minhang", "demo")
                .getForEntity("/api/windows/minhang/cases?date=yesterday", JsonNode.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @DisplayName(
            "R19: today's receipts of the window, with masked id and the ledger's status; online cases are not the window's")
    void r19_todaysReceiptsWithTheirStanding() {
        String received = start("window-minhang", "WINDOW");
        String online = start("portal", "ONLINE");

        JsonNode today = cases("window-minhang", "minhang").getBody();
        JsonNode receipt = byCase(today, received);
        assertThat(receipt).as("the window's receipt is listed").isNotNull();
        assertThat(byCase(today, online))
                .as("an online case is not a window receipt")
                .isNull();
        assertThat(receipt.path("itemName").asText()).isEqualTo("婚姻登记档案查询");
        assertThat(receipt.path("applicantIdNumber").asText()).isEqualTo("1101**********002X");
        assertThat(receipt.toString()).doesNotContain("11010519491231002X");
        assertThat(receipt.path("receivedBy").asText()).isEqualTo("window-minhang");
        assertThat(receipt.path("status").asText()).isEqualTo("RUNNING");
        assertThat(texts(receipt.path("waitingIn"))).containsExactly("窗口收件");

        assertThat(byCase(cases("supervisor", "minhang").getBody(), received)).isNotNull();
        assertThat(rest.withBasicAuth("window-minhang", "demo")
                        .getForObject("/api/windows/minhang/cases?date=2020-01-02", JsonNode.class))
                .isEmpty();
    }

    private String start(String user, String channel) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> applicant =
                Map.of("type", "PERSON", "name", "李四", "idType", "RESIDENT_ID", "idNumber", "11010519491231002X");
        // 2022-ER-002 has the window channel only: the portal's online case is a full-online item.
        Map<String, Object> body = "ONLINE".equals(channel)
                ? Map.of(
                        "itemCode",
                        "2022-FO-006",
                        "channel",
                        "ONLINE",
                        "district",
                        "minhang",
                        "applicant",
                        applicant,
                        "situation",
                        "self",
                        "materials",
                        List.of(Map.of("code", "purpose-statement", "source", "UPLOAD")),
                        "delivery",
                        Map.of("method", "E_LICENCE"),
                        "commitment",
                        false)
                : Map.of(
                        "itemCode",
                        "2022-ER-002",
                        "channel",
                        "WINDOW",
                        "district",
                        "minhang",
                        "applicant",
                        applicant,
                        "situation",
                        "own-record",
                        "materials",
                        List.of(
                                Map.of("code", "application-form", "source", "PAPER"),
                                Map.of("code", "id-card", "source", "E_LICENCE")),
                        "delivery",
                        Map.of("method", "WINDOW_PICKUP"),
                        "commitment",
                        false);
        ResponseEntity<JsonNode> started =
                rest.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(started.getStatusCode()).as(started.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        return started.getBody().path("caseNumber").asText();
    }

    private ResponseEntity<JsonNode> items(String user, String district, String query) {
        return rest.withBasicAuth(user, "demo")
                .getForEntity("/api/windows/" + district + "/items" + query, JsonNode.class);
    }

    private ResponseEntity<JsonNode> cases(String user, String district) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/windows/" + district + "/cases", JsonNode.class);
    }

    private static JsonNode byCase(JsonNode list, String caseNumber) {
        for (JsonNode node : list) {
            if (node.path("caseNumber").asText().equals(caseNumber)) {
                return node;
            }
        }
        return null;
    }

    private static List<String> codes(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return codes(response.getBody());
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(node -> codes.add(node.path("code").asText()));
        return codes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
