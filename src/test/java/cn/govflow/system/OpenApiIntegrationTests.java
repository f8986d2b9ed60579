package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document of /api (docs/api.md): it describes every operation with its errors, and it is the
 * snapshot committed in docs/api/openapi.json. After a deliberate API change, regenerate the snapshot with
 * {@code -Dgovflow.openapi.update=true} (the command is in docs/api.md) and review the diff.
 */
@GovflowIntegrationTest
class OpenApiIntegrationTests {

    static final Path SNAPSHOT = Path.of("docs", "api", "openapi.json");
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    @DisplayName(
            "The generated OpenAPI document equals the snapshot docs/api/openapi.json (pretty-printed, keys sorted)")
    void generatedSpecEqualsTheSnapshot() throws IOException {
        String generated = canonical(spec());
        if (Boolean.getBoolean("govflow.openapi.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, generated, StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT)
                .as("run the snapshot update of docs/api.md and commit the file")
                .exists();
        assertThat(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))
                .as("the API changed: regenerate docs/api/openapi.json (docs/api.md) and review the diff")
                .isEqualTo(generated);
    }

    @Test
    @DisplayName("Every /api handler mapping is an operation of the document")
    void everyApiOperationIsDescribed() {
        JsonNode paths = spec().path("paths");
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> {
                                    if (paths.path(pattern)
                                            .path(method.name().toLowerCase(Locale.ROOT))
                                            .isMissingNode()) {
                                        missing.add(method + " " + pattern);
                                    }
                                })));
        assertThat(missing).isEmpty();
        assertThat(paths.size()).isGreaterThanOrEqualTo(14);
    }

    @Test
    @DisplayName(
            "Every operation: a summary, a tag, HTTP Basic unless public, 401 and 500, and its errors as ProblemDetail")
    void everyOperationHasSecurityAndErrors() {
        JsonNode spec = spec();
        List<String> problems = new ArrayList<>();
        spec.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    JsonNode operation = op.getValue();
                    boolean open = OpenApiConfiguration.PUBLIC.contains(name);
                    if (operation.path("summary").asText().isBlank()
                            || operation.path("tags").isEmpty()) {
                        problems.add(name + ": no summary or tag");
                    }
                    if (open != operation.path("security").isEmpty()) {
                        problems.add(name + ": security " + operation.path("security"));
                    }
                    JsonNode responses = operation.path("responses");
                    if (!open && responses.path("401").isMissingNode()
                            || responses.path("500").isMissingNode()) {
                        problems.add(name + ": no 401/500");
                    }
                    responses.fields().forEachRemaining(response -> {
                        if (response.getKey().startsWith("4")
                                || response.getKey().startsWith("5")) {
                            String ref = response.getValue().path("$ref").asText();
                            JsonNode resolved = ref.isEmpty()
                                    ? response.getValue()
                                    : spec.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1));
                            if (!resolved.path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText()
                                    .endsWith("/ProblemDetail")) {
                                problems.add(name + " " + response.getKey() + ": not a ProblemDetail");
                            }
                        }
                    });
                }));
        assertThat(problems).isEmpty();
        JsonNode intake = spec.at("/paths/~1api~1applications/post/responses");
        assertThat(fieldNames(intake))
                .containsExactly("200", "201", "400", "401", "403", "404", "409", "415", "422", "500", "503");
        JsonNode problem = spec.at("/components/schemas/ProblemDetail/properties");
        assertThat(fieldNames(problem)).contains("title", "detail", "field", "rule", "missingMaterials", "errors");
        assertThat(spec.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(spec.at("/components/responses/UnprocessableEntity/content/application~1problem+json/examples"
                                + "/example/value/missingMaterials/0/name")
                        .asText())
                .isEqualTo("犬只近期照片");
    }

    @Test
    @DisplayName(
            "Swagger UI is served, and links Camunda's own OpenAPI document of the engine REST API, which is served too")
    void swaggerUiAndTheEngineRestDocument() {
        ResponseEntity<String> ui = rest.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode config = rest.getForObject("/v3/api-docs/swagger-config", JsonNode.class);
        assertThat(config.path("urls").findValuesAsText("url")).contains("/v3/api-docs", "/engine-rest-openapi.json");
        JsonNode engine = rest.getForObject("/engine-rest-openapi.json", JsonNode.class);
        assertThat(engine.path("openapi").asText()).startsWith("3.");
        assertThat(engine.path("paths").has("/task/{id}/complete")).isTrue();
        assertThat(spec().at("/info/description").asText()).contains("/engine-rest-openapi.json");
    }

    private JsonNode spec() {
        ResponseEntity<JsonNode> answer = rest.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Pretty-printed with every object's keys in alphabetical order, so the file diffs well. */
    static String canonical(JsonNode spec) throws IOException {
        return JSON.writeValueAsString(sorted(spec)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            new TreeSet<>(fieldNames(node)).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
