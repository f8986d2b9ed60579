package cn.govflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/items} and {@code GET /api/items/{code}} over HTTP, on the real catalog. */
@GovflowIntegrationTest
class ItemIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void listsTheWholeCatalog() {
        assertThat(get("/api/items").getBody()).hasSize(92);
        assertThat(get("/api/items?mode=ENTRUSTED_RECEIPT").getBody()).hasSize(6);
    }

    @Test
    @DisplayName("R4: 2022-DI-007 is listed for pudong, not for yangpu; full-online items for every district")
    void r4_districtFilter() {
        JsonNode pudong = get("/api/items?mode=DELEGATED&district=pudong").getBody();
        JsonNode yangpu = get("/api/items?mode=DELEGATED&district=yangpu").getBody();

        assertThat(codes(pudong)).contains("2022-DI-007");
        assertThat(codes(yangpu)).doesNotContain("2022-DI-007").contains("2022-DI-026");
        assertThat(get("/api/items?mode=FULL_ONLINE&district=chongming").getBody())
                .hasSize(49);
    }

    @Test
    @DisplayName("R4: a new-town-only item (2022-DI-005) is listed for the districts of the five new towns")
    void r4_newTownsCountForTheirDistrict() {
        assertThat(codes(get("/api/items?district=songjiang").getBody())).contains("2022-DI-005");
        assertThat(codes(get("/api/items?district=pudong").getBody())).contains("2022-DI-005");
        assertThat(codes(get("/api/items?district=xuhui").getBody())).doesNotContain("2022-DI-005");
    }

    @Test
    @DisplayName("R5: 2022-ER-002 is listed for minhang only")
    void r5_receiversFilter() {
        assertThat(codes(get("/api/items?district=minhang&mode=ENTRUSTED_RECEIPT")
                        .getBody()))
                .contains("2022-ER-002");
        assertThat(codes(get("/api/items?district=xuhui&mode=ENTRUSTED_RECEIPT").getBody()))
                .doesNotContain("2022-ER-002")
                .contains("2022-ER-001");
    }

    @Test
    void departmentAndTextFilters() {
        assertThat(get("/api/items?department=disabled-persons").getBody()).hasSize(4);
        assertThat(codes(get("/api/items?q=养犬登记证").getBody()))
                .containsExactly("2022-FO-003", "2022-FO-004", "2022-FO-005");
    }

    @Test
    void oneItemWithItsPlan() {
        ResponseEntity<JsonNode> response = get("/api/items/2022-DI-007");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode item = response.getBody();
        assertThat(item.path("department").path("code").asText()).isEqualTo("public-security");
        assertThat(item.path("delegation")
                        .path("scope")
                        .path("districts")
                        .get(0)
                        .asText())
                .isEqualTo("pudong");
        assertThat(item.path("situations").get(0).path("materials")).isNotEmpty();
        assertThat(item.path("entrustedReceipt").isMissingNode()).isTrue();
    }

    @Test
    void unknownItemIs404() {
        ResponseEntity<JsonNode> response = get("/api/items/2022-DI-099");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("field").asText()).isEqualTo("code");
    }

    @Test
    void badFiltersAre400WithTheField() {
        ResponseEntity<JsonNode> mode = get("/api/items?mode=ONLINE_ONLY");
        ResponseEntity<JsonNode> district = get("/api/items?district=shanghai");

        assertThat(mode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mode.getBody().path("field").asText()).isEqualTo("mode");
        assertThat(mode.getBody().path("rule").asText()).isEqualTo("type");
        assertThat(district.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(district.getBody().path("field").asText()).isEqualTo("district");
    }

    private static java.util.List<String> codes(JsonNode items) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        items.forEach(item -> codes.add(item.path("code").asText()));
        return codes;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return rest.withBasicAuth("window-yangpu", "demo").getForEntity(path, JsonNode.class);
    }
}
