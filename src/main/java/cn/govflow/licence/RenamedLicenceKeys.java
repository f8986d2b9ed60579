package cn.govflow.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The licence settings were {@code govflow.license.*} until they took the domain word's spelling,
 * {@code govflow.licence.*} (docs/licences.md). A key left under the old prefix would be ignored without a word — an
 * old {@code keystore.alias} would quietly sign with another key — so it stops start-up, naming the key, its source
 * and the new name. The environment variables {@code GOVFLOW_LICENSE_KEYSTORE}, {@code …_PASSWORD}, {@code …_ALIAS},
 * {@code GOVFLOW_LICENSE_SIGNER_ID} and {@code GOVFLOW_LICENSE_COMPROMISED_KEYS} keep their names (config/application.yaml
 * reads them); any other {@code GOVFLOW_LICENSE_*} variable only ever bound to the old prefix and is refused too.
 */
final class RenamedLicenceKeys {

    static final String OLD_PREFIX = "govflow.license.";
    static final String NEW_PREFIX = "govflow.licence.";

    private static final String OLD_VARIABLE_PREFIX = "GOVFLOW_LICENSE_";
    private static final Set<String> KEPT_VARIABLES = Set.of(
            "GOVFLOW_LICENSE_KEYSTORE",
            "GOVFLOW_LICENSE_KEYSTORE_PASSWORD",
            "GOVFLOW_LICENSE_KEYSTORE_ALIAS",
            "GOVFLOW_LICENSE_SIGNER_ID",
            "GOVFLOW_LICENSE_COMPROMISED_KEYS");

    private RenamedLicenceKeys() {}

    static void reject(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(OLD_PREFIX)) {
                        found.add(name + " (" + source.getName() + ") → " + NEW_PREFIX
                                + name.substring(OLD_PREFIX.length()));
                    } else if (name.startsWith(OLD_VARIABLE_PREFIX) && !KEPT_VARIABLES.contains(name)) {
                        found.add(name + " (" + source.getName() + ") → GOVFLOW_LICENCE_"
                                + name.substring(OLD_VARIABLE_PREFIX.length()));
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("The licence settings were renamed from govflow.license.* to "
                    + "govflow.licence.* (docs/licences.md); rename " + String.join(", ", found));
        }
    }
}
