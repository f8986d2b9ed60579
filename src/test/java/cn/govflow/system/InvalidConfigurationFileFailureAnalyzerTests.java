package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidConfigurationFileFailureAnalyzerTests {

    record Shape(String name) {}

    @Test
    @DisplayName("start-up stopped by an unknown key says which file and which key")
    void namesTheFileAndTheKey() {
        InvalidConfigurationFileException failure = null;
        try {
            ConfigFiles.read(
                    new ByteArrayInputStream("nmae: x\n".getBytes(StandardCharsets.UTF_8)),
                    "config/example.yaml",
                    Shape.class);
        } catch (InvalidConfigurationFileException e) {
            failure = e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(failure).as("an unknown key is refused").isNotNull();

        FailureAnalysis analysis = new InvalidConfigurationFileFailureAnalyzer()
                .analyze(new BeanCreationException("calendar", "bean creation failed", failure));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("config/example.yaml: unknown key 'nmae' (known keys: name)");
        assertThat(analysis.getAction()).contains("Correct config/example.yaml");
        assertThat(analysis.getCause()).isSameAs(failure);
    }
}
