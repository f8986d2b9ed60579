package cn.govflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.GovflowApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** Start-up with a catalog that has a misspelled key. */
class CatalogStartupIntegrationTests {

    @Test
    @DisplayName("R22: a misspelled key in a catalog file stops start-up, naming the file, the item and the key")
    void r22_unknownKeyStopsStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GovflowApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:govflow-catalog-startup-${random.uuid};DB_CLOSE_DELAY=-1",
                                "--camunda.bpm.job-execution.enabled=false",
                                "--camunda.bpm.webapp.enabled=false",
                                "--camunda.bpm.process-engine-name=catalogStartupProbe",
                                "--govflow.catalog.location=classpath*:catalog-fixtures/unknown-key/*.yaml"))
                .satisfies(failure -> {
                    Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(root).isInstanceOf(InvalidCatalogException.class);
                    assertThat(((InvalidCatalogException) root).problems())
                            .singleElement()
                            .asString()
                            .startsWith("full-online.yaml: item 9999-FO-001: unknown key 'promisedDay'")
                            .contains("promisedDays");
                    assertThat(new InvalidCatalogFailureAnalyzer()
                                    .analyze(failure)
                                    .getDescription())
                            .contains("unknown key 'promisedDay'");
                });
    }
}
