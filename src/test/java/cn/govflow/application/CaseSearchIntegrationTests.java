package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/** 办件查询, {@code GET /api/applications?…}: filters, and who sees which case (the rule of GET /{caseNumber}). */
@GovflowIntegrationTest
class CaseSearchIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    /** An applicant name no other test uses, so the hits are this test's cases only. */
    String applicant;

    String yangpuCase;
    String pudongCase;

    @BeforeEach
    void twoCasesInTwoDistricts() {
        applicant = "查询" + UUID.randomUUID().toString().substring(0, 6);
        yangpuCase = apply("yangpu");
        pudongCase = apply("pudong");
    }

    @Test
    @DisplayName("a supervisor finds the cases by applicant, narrows them by district code or name, item and number")
    void supervisorSearches() {
        assertThat(caseNumbers("supervisor", "applicant=" + applicant))
                .containsExactlyInAnyOrder(yangpuCase, pudongCase);
        assertThat(caseNumbers("supervisor", "applicant=" + applicant + "&district=杨浦区"))
                .containsExactly(yangpuCase);
        assertThat(caseNumbers("supervisor", "applicant=" + applicant + "&district=pudong"))
                .containsExactly(pudongCase);
        assertThat(caseNumbers("supervisor", "applicant=" + applicant + "&item=养犬登记"))
                .hasSize(2);
        assertThat(caseNumbers("supervisor", "applicant=" + applicant + "&item=2022-FO-003"))
                .hasSize(2);
        assertThat(caseNumbers("supervisor", "applicant=" + applicant + "&item=不存在的事项"))
                .isEmpty();
        assertThat(caseNumbers(
                        "supervisor", "caseNumber=" + yangpuCase.substring(4).toLowerCase()))
                .containsExactly(yangpuCase);

        JsonNode hit =
                search("supervisor", "caseNumber=" + yangpuCase).getBody().get(0);
        assertThat(hit.path("districtName").asText()).isEqualTo("杨浦区");
        assertThat(hit.path("applicantName").asText()).isEqualTo(applicant);
        assertThat(hit.path("status").asText()).isEqualTo("RUNNING");
        assertThat(hit.path("processInstanceId").asText()).isNotBlank();
    }

    @Test
    @DisplayName("a window sees its district's cases, the item's department all, anyone else none")
    void windowsSeeTheirDistrictOnly() {
        assertThat(caseNumbers("window-yangpu", "applicant=" + applicant)).containsExactly(yangpuCase);
        assertThat(caseNumbers("window-xuhui", "applicant=" + applicant)).isEmpty();
        assertThat(caseNumbers("city-public-security", "applicant=" + applicant))
                .hasSize(2);
        assertThat(caseNumbers("city-civil-defense", "applicant=" + applicant)).isEmpty();
    }

    @Test
    @DisplayName("an unknown district or a limit out of range is a 400 naming the field")
    void badCriteriaAre400() {
        ResponseEntity<JsonNode> district = search("supervisor", "district=火星区");
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(district.getBody().path("field").asText()).isEqualTo("district");
        ResponseEntity<JsonNode> limit = search("supervisor", "limit=0");
        assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(limit.getBody().path("field").asText()).isEqualTo("limit");
    }

    @Test
    @DisplayName("the Cockpit login reads /api (the 办件查询 plugin), but changes nothing without HTTP Basic")
    void webappLoginReadsOnly() {
        List<String> cookies = webappLogin("supervisor");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies)); // one Cookie header, as browsers send it
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));

        ResponseEntity<JsonNode> found = rest.exchange(
                "/api/applications?applicant=" + applicant, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody().findValuesAsText("caseNumber")).containsExactlyInAnyOrder(yangpuCase, pudongCase);
        // the webapps' session stays as it was: Cockpit's parallel calls keep working with the same cookie
        assertThat(found.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
        ResponseEntity<JsonNode> timeline = rest.exchange(
                "/api/applications/" + yangpuCase + "/timeline",
                HttpMethod.GET,
                new HttpEntity<>(headers),
                JsonNode.class);
        assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);

        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> rating = rest.exchange(
                "/api/applications/" + yangpuCase + "/rating",
                HttpMethod.POST,
                new HttpEntity<>("{\"score\": 5}", headers),
                String.class);
        assertThat(rating.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.exchange(
                                "/api/applications?applicant=" + applicant,
                                HttpMethod.GET,
                                HttpEntity.EMPTY,
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private List<String> caseNumbers(String user, String query) {
        ResponseEntity<JsonNode> response = search(user, query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().findValuesAsText("caseNumber");
    }

    private ResponseEntity<JsonNode> search(String user, String query) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/applications?" + query, JsonNode.class);
    }

    private String apply(String district) {
        String body = """
                {"itemCode": "2022-FO-003", "channel": "ONLINE", "district": "%s",
                 "applicant": {"type": "PERSON", "name": "%s", "idType": "RESIDENT_ID", "idNumber": "310104198001011239"},
                 "situation": "dog-died", "materials": [{"code": "dog-death-statement", "source": "UPLOAD"}],
                 "delivery": {"method": "WINDOW_PICKUP"}}
                """.formatted(district, applicant);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("portal", "demo")
                .exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("caseNumber").asText();
    }

    /** Logs in as Cockpit does (session cookie and Camunda's CSRF token); returns the cookies to send. */
    private List<String> webappLogin(String user) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
        List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0])
                .toList());
        String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies)); // one Cookie header, as browsers send it
        headers.set("X-XSRF-TOKEN", csrf);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange(
                "/camunda/api/admin/auth/user/default/login/cockpit",
                HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=demo", headers),
                String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0])
                .forEach(c -> {
                    cookies.removeIf(old -> old.startsWith(c.substring(0, c.indexOf('=') + 1)));
                    cookies.add(c);
                });
        return cookies;
    }
}
