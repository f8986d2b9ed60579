package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.GovflowApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production start-up without a licence signing keystore. */
class LicenceStartupIntegrationTests {

    @Test
    @DisplayName("R8: without the demo profile, a missing licence signing keystore stops start-up with a clear message")
    void missingKeystoreStopsStartUp() {
        String absent = System.getProperty("java.io.tmpdir") + "/govflow-no-keystore-" + System.nanoTime() + ".p12";

        assertThatThrownBy(() -> new SpringApplicationBuilder(GovflowApplication.class)
                        .profiles("production")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:govflow-licence-startup-${random.uuid};DB_CLOSE_DELAY=-1",
                                "--camunda.bpm.job-execution.enabled=false",
                                "--camunda.bpm.webapp.enabled=false",
                                "--camunda.bpm.process-engine-name=licenceStartupProbe",
                                "--govflow.security.admin-password=s3cret-from-env",
                                "--govflow.licence.keystore.password=s3cret",
                                "--govflow.licence.keystore.path=" + absent))
                .hasStackTraceContaining("Licence signing keystore not found")
                .hasStackTraceContaining("GOVFLOW_LICENSE_KEYSTORE");
    }
}
