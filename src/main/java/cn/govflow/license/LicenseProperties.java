package cn.govflow.license;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-licence settings ({@code govflow.license.*}). The signing key lives in a PKCS#12 keystore; only the demo
 * profile (and the tests) may generate one when it is missing.
 */
@ConfigurationProperties("govflow.license")
record LicenseProperties(@DefaultValue Keystore keystore, @DefaultValue("P5Y") Period validity) {

    record Keystore(
            @DefaultValue("./data/licence-signing.p12") String path,
            String password,
            @DefaultValue("licence-signing") String alias,
            @DefaultValue("false") boolean generateIfMissing) {}
}
