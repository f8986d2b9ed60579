package cn.govflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * govflow's zh locale against the English locale that the Camunda webapp jar on the class path ships: a Camunda
 * upgrade that adds or renames a label fails here until the label has its Chinese.
 */
class WebappLocaleTests {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern MARKUP = Pattern.compile("<(?:a|/a|br|strong|/strong)\\b[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    @DisplayName("every label of the shipped English locale has a Chinese value with the same placeholders")
    void everyEnglishLabelHasItsChinese(String app) throws IOException {
        JsonNode english = read(shipped(app, "en"));
        JsonNode chinese = read(ours(app, "zh"));

        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, JsonNode> label : fields(english.path("labels"))) {
            JsonNode zh = chinese.path("labels").get(label.getKey());
            String en = label.getValue().asText();
            if (zh == null || !zh.isTextual() || (!en.isBlank() && zh.asText().isBlank())) {
                missing.add(label.getKey());
            } else if (!matches(PLACEHOLDER, en).equals(matches(PLACEHOLDER, zh.asText()))
                    || !matches(MARKUP, en).equals(matches(MARKUP, zh.asText()))) {
                mismatched.add(label.getKey() + ": " + en + " → " + zh.asText());
            }
        }
        assertThat(missing).as("labels of %s without Chinese", app).isEmpty();
        assertThat(mismatched)
                .as("labels of %s whose placeholders or markup differ", app)
                .isEmpty();
        assertThat(english.path("labels").size())
                .as("the English locale of %s was found", app)
                .isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    @DisplayName("the moment.js date locale has every key of the English one and formats YYYY-MM-DD HH:mm")
    void dateLocaleIsComplete(String app) throws IOException {
        JsonNode english = read(shipped(app, "en")).path("dateLocales");
        JsonNode chinese = read(ours(app, "zh")).path("dateLocales");
        assertThat(paths(chinese, "")).containsAll(paths(english, ""));
        assertThat(chinese.path("longDateFormat").path("LLL").asText()).isEqualTo("YYYY-MM-DD HH:mm");
        assertThat(chinese.path("months")).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    @DisplayName("the English locale stays Camunda's own: govflow overrides no en.json")
    void englishStaysCamundas(String app) throws IOException {
        List<URL> english = Collections.list(getClass().getClassLoader().getResources(LOCALES.formatted(app, "en")));
        assertThat(english).isNotEmpty().allMatch(url -> url.toString().contains("camunda-webapp-webjar"));
    }

    private static URL shipped(String app, String locale) throws IOException {
        return Collections.list(WebappLocaleTests.class.getClassLoader().getResources(LOCALES.formatted(app, locale)))
                .stream()
                .filter(url -> url.toString().contains("camunda-webapp-webjar"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("the Camunda webapp jar has no " + locale + " locale for " + app));
    }

    private static URL ours(String app, String locale) {
        URL url = WebappLocaleTests.class.getClassLoader().getResource(LOCALES.formatted(app, locale));
        assertThat(url).as("govflow's %s locale for %s", locale, app).isNotNull();
        assertThat(url.toString()).doesNotContain("camunda-webapp-webjar");
        return url;
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's files start with a byte order mark
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        return () -> fields;
    }

    private static TreeSet<String> matches(Pattern pattern, String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s", ""));
        }
        return found;
    }

    private static TreeSet<String> paths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : fields(node)) {
                paths.add(prefix + field.getKey());
                paths.addAll(paths(field.getValue(), prefix + field.getKey() + "."));
            }
        }
        return paths;
    }
}
