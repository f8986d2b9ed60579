package cn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.govflow.GovflowApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production start-up: no demo users, and no admin without a password from the environment. */
class StartupIntegrationTests {

    private static final String[] H2 = {
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:govflow-startup-${random.uuid};DB_CLOSE_DELAY=-1",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        // Its own engine name: the engine registry is static, and the cached test context's REST API uses "default".
        "--camunda.bpm.process-engine-name=startupProbe",
        // A licence signing key, which production start-up requires (cn.govflow.licence), generated in a temp folder.
        "--govflow.licence.keystore.password=startup-probe",
        "--govflow.licence.keystore.generate-if-missing=true",
        "--govflow.licence.keystore.path=" + System.getProperty("java.io.tmpdir") + "/govflow-startup-"
                + java.util.UUID.randomUUID() + "/licence-signing.p12"
    };

    @Test
    @DisplayName("without the demo profile, a missing GOVFLOW_ADMIN_PASSWORD stops start-up with a clear message")
    void missingAdminPasswordStopsStartUp() {
        assumeThat(System.getenv("GOVFLOW_ADMIN_PASSWORD"))
                .as("GOVFLOW_ADMIN_PASSWORD set in this shell")
                .isNull();

        assertThatThrownBy(() -> new SpringApplicationBuilder(GovflowApplication.class)
                        .profiles("production")
                        .run(H2))
                .hasStackTraceContaining("GOVFLOW_ADMIN_PASSWORD is not set");
    }

    @Test
    @DisplayName("without the demo profile there are no demo users, only the admin")
    void noDemoUsersOutsideTheDemoProfile() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovflowApplication.class)
                .profiles("production")
                .run(concat(H2, "--govflow.security.admin-password=s3cret-from-env"))) {
            IdentityService identity = context.getBean(IdentityService.class);

            assertThat(identity.createUserQuery().userId("window-yangpu").count())
                    .isZero();
            assertThat(identity.checkPassword("admin", "s3cret-from-env")).isTrue();
            assertThat(identity.createGroupQuery().groupId("window-yangpu").count())
                    .isOne();
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
