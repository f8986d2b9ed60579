package cn.govflow.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract check itself can fail: a response or a successful request that breaks the spec is an error. */
class OpenApiContractTests {

    static final String SPEC = """
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},"servers":[{"url":"/"}],
             "paths":{"/api/things":{"post":{
               "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object",
                 "required":["name"],"properties":{"name":{"type":"string"}}}}}},
               "responses":{
                 "201":{"description":"ok","content":{"application/json":{"schema":{"type":"object",
                   "required":["id"],"properties":{"id":{"type":"string"}}}}}},
                 "400":{"description":"bad","content":{"application/problem+json":{"schema":{"type":"object",
                   "required":["title"],"properties":{"title":{"type":"string"},"rule":{"type":"string"}}}}}}}}}}}
            """;

    final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build();

    @Test
    @DisplayName("A conforming exchange passes")
    void conforming() {
        assertThatCode(() -> OpenApiContract.check(
                        validator, post("{\"name\":\"张三\"}"), response(201, "application/json", "{\"id\":\"1\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("A response body that breaks its schema fails")
    void badResponseBody() {
        assertThatThrownBy(() -> OpenApiContract.check(
                        validator, post("{\"name\":\"张三\"}"), response(201, "application/json", "{\"identifier\":1}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.response.body");
    }

    @Test
    @DisplayName("An undeclared status fails")
    void undeclaredStatus() {
        assertThatThrownBy(() -> OpenApiContract.check(
                        validator,
                        post("{\"name\":\"张三\"}"),
                        response(409, "application/problem+json", "{\"title\":\"与当前状态冲突\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("409");
    }

    @Test
    @DisplayName("A broken request may be refused with a declared error, but must not succeed")
    void brokenRequests() {
        assertThatCode(() -> OpenApiContract.check(
                        validator,
                        post("{}"),
                        response(400, "application/problem+json", "{\"title\":\"请求无效\",\"rule\":\"NotBlank\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenApiContract.check(
                        validator, post("{}"), response(201, "application/json", "{\"id\":\"1\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.request.body");
    }

    private static SimpleRequest post(String body) {
        return SimpleRequest.Builder.post("/api/things")
                .withContentType("application/json")
                .withBody(body)
                .build();
    }

    private static SimpleResponse response(int status, String contentType, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType(contentType)
                .withBody(body)
                .build();
    }
}
