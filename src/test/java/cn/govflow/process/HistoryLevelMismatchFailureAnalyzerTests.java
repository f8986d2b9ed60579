package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class HistoryLevelMismatchFailureAnalyzerTests {

    final HistoryLevelMismatchFailureAnalyzer analyzer = new HistoryLevelMismatchFailureAnalyzer();

    @Test
    @DisplayName("A database created with another history level: start-up says which levels and how to go on")
    void explainsTheMismatch() {
        ProcessEngineException engine = new ProcessEngineException("historyLevel mismatch: configuration says "
                + "GovflowHistoryLevel(name=govflow, id=31) and database says "
                + "HistoryLevelFull(name=full, id=3)");

        FailureAnalysis analysis = analyzer.analyze(
                new IllegalStateException("context failed", new RuntimeException("bean creation", engine)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("name=full, id=3").contains("another Camunda history level");
        assertThat(analysis.getAction())
                .contains("CAMUNDA_BPM_HISTORYLEVEL=full")
                .contains("./data/");
        assertThat(analysis.getCause()).isSameAs(engine);
    }

    @Test
    @DisplayName("Any other engine failure is left to the other analyzers")
    void ignoresOtherFailures() {
        assertThat(analyzer.analyze(new ProcessEngineException("ENGINE-03017 Could not find table")))
                .isNull();
        assertThat(analyzer.analyze(new IllegalStateException("historyLevel mismatch")))
                .isNull();
    }
}
