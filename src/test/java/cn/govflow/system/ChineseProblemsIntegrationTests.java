package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Errors in one language: title and detail in Chinese whatever the caller asks for; field and rule unchanged. */
@GovflowIntegrationTest
class ChineseProblemsIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName(
            "400 from Bean Validation: Chinese title and message even for Accept-Language: en, field and rule unchanged")
    void beanValidationInChinese() {
        Map<String, Object> body = new HashMap<>(FullOnlineCases.application());
        body.put("situation", " ");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("portal", "demo")
                .exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);

        JsonNode problem = problem(answer, 400, "请求无效");
        assertThat(problem.path("detail").asText()).isEqualTo("situation: 不能为空");
        assertThat(problem.path("field").asText()).isEqualTo("situation");
        assertThat(problem.path("rule").asText()).isEqualTo("NotBlank");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("不能为空");
    }

    @Test
    @DisplayName("401, 403, 404, 409 and 422 carry Chinese titles")
    void statusTitlesInChinese() {
        problem(rest.getForEntity("/api/items", JsonNode.class), 401, "需要登录");
        problem(
                rest.withBasicAuth("supervisor", "demo")
                        .postForEntity("/api/applications", FullOnlineCases.application(), JsonNode.class),
                403,
                "无权操作");
        problem(
                rest.withBasicAuth("portal", "demo").getForEntity("/api/items/2099-XX-999", JsonNode.class),
                404,
                "未找到");
        Map<String, Object> incomplete = new HashMap<>(FullOnlineCases.application());
        incomplete.put("materials", List.of(Map.of("code", "dog-photo", "source", "UPLOAD")));
        JsonNode refused = problem(
                rest.withBasicAuth("portal", "demo").postForEntity("/api/applications", incomplete, JsonNode.class),
                422,
                "不符合办理规则");
        assertThat(refused.path("rule").asText()).isEqualTo("R11");
        assertThat(refused.path("missingMaterials").findValuesAsText("code")).containsExactly("licence-loss-statement");

        HttpHeaders key = new HttpHeaders();
        key.set("Idempotency-Key", "zh-" + UUID.randomUUID());
        key.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate portal = rest.withBasicAuth("portal", "demo");
        portal.exchange(
                "/api/applications",
                HttpMethod.POST,
                new HttpEntity<>(FullOnlineCases.application(), key),
                JsonNode.class);
        Map<String, Object> other = new HashMap<>(FullOnlineCases.application());
        other.put("district", "xuhui");
        problem(
                portal.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(other, key), JsonNode.class),
                409,
                "与当前状态冲突");
    }

    @Test
    @DisplayName("Spring's own errors: 405 and 415 in Chinese")
    void springErrorsInChinese() {
        JsonNode notAllowed = problem(
                rest.withBasicAuth("portal", "demo")
                        .exchange("/api/items", HttpMethod.PUT, new HttpEntity<>(Map.of()), JsonNode.class),
                405,
                "不支持该请求方法");
        assertThat(notAllowed.path("detail").asText()).startsWith("不支持请求方法 PUT");

        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        JsonNode unsupported = problem(
                rest.withBasicAuth("portal", "demo")
                        .exchange("/api/applications", HttpMethod.POST, new HttpEntity<>("申请", text), JsonNode.class),
                415,
                "不支持该请求格式");
        assertThat(unsupported.path("detail").asText()).startsWith("不支持请求格式 text/plain");
    }

    private static JsonNode problem(ResponseEntity<JsonNode> answer, int status, String title) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        JsonNode problem = answer.getBody();
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("detail").asText()).as("a Chinese detail").containsPattern("\\p{IsHan}");
        return problem;
    }
}
