package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A setting left under the old govflow.license.* name stops start-up instead of being ignored. */
class RenamedLicenceKeysTests {

    private static StandardEnvironment with(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yaml", properties));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        return environment;
    }

    @Test
    @DisplayName("an old govflow.license.* key is named with its new govflow.licence.* name")
    void oldKeyStopsStartUp() {
        StandardEnvironment environment = with(Map.of("govflow.license.keystore.alias", "licence-2027"), Map.of());

        assertThatThrownBy(() -> RenamedLicenceKeys.reject(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "govflow.license.keystore.alias (application.yaml) → govflow.licence.keystore.alias");
    }

    @Test
    @DisplayName("the documented GOVFLOW_LICENSE_* variables keep their names; others only bound to the old prefix")
    void variables() {
        assertThatCode(() -> RenamedLicenceKeys.reject(with(
                        Map.of("govflow.licence.keystore.alias", "licence-2027"),
                        Map.of("GOVFLOW_LICENSE_KEYSTORE_PASSWORD", "s3cret", "GOVFLOW_LICENSE_KEYSTORE", "/k.p12"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RenamedLicenceKeys.reject(with(Map.of(), Map.of("GOVFLOW_LICENSE_VALIDITY", "P3Y"))))
                .hasMessageContaining("GOVFLOW_LICENSE_VALIDITY (test-env) → GOVFLOW_LICENCE_VALIDITY");
    }
}
