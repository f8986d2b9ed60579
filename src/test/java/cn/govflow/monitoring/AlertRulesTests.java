package cn.govflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules of config/monitoring/ checked by Prometheus's own {@code promtool}: the file is valid, and
 * every rule fires on its sample series and stays quiet on the others (govflow-alerts.test.yaml). promtool comes
 * with Debian's {@code prometheus} package, which .ci/run installs; a missing promtool fails, it does not skip.
 */
class AlertRulesTests {

    static final Path RULES = Path.of("config", "monitoring", "govflow-alerts.yaml");
    static final Path RULE_TESTS = Path.of("config", "monitoring", "govflow-alerts.test.yaml");

    @Test
    @DisplayName("promtool check rules: govflow-alerts.yaml is a valid Prometheus rules file")
    void rulesAreValid() throws Exception {
        String output = promtool("check", "rules", RULES.toString());
        assertThat(output).contains("SUCCESS");
    }

    @Test
    @DisplayName("promtool test rules: every alert fires on its sample series and stays quiet on the others")
    void everyRuleHasPassingUnitTests() throws Exception {
        String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        String tests = Files.readString(RULE_TESTS, StandardCharsets.UTF_8);
        rules.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("- alert: "))
                .map(line -> line.substring("- alert: ".length()))
                .forEach(alert ->
                        assertThat(tests).as("a unit test of %s", alert).contains("alertname: " + alert));
        promtool("test", "rules", RULE_TESTS.toString());
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        String promtool = find();
        List<String> command = new java.util.ArrayList<>(List.of(promtool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish within 60 s");
        }
        assertThat(process.exitValue())
                .as("%s\n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not installed: it comes with Debian's package 'prometheus' "
                + "(apt-get install prometheus), which .ci/run installs before the build");
    }
}
