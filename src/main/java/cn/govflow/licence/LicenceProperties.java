package cn.govflow.licence;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-licence settings ({@code govflow.licence.*}). The signing keys live in a PKCS#12 keystore; only the demo
 * profile (and the tests) may generate one when it is missing. {@code signerId} is the SM2 signer id (GM/T 0009's
 * default unless set; never change it once licences are issued); {@code compromisedKeys} lists key ids or aliases
 * whose licences verify as compromised (docs/licences.md).
 */
@ConfigurationProperties("govflow.licence")
record LicenceProperties(
        @DefaultValue Keystore keystore,
        @DefaultValue("P5Y") Period validity,
        @DefaultValue(Sm2.DEFAULT_SIGNER_ID) String signerId,
        @DefaultValue List<String> compromisedKeys) {

    record Keystore(
            @DefaultValue("./data/licence-signing.p12") String path,
            String password,
            @DefaultValue("licence-signing") String alias,
            @DefaultValue("false") boolean generateIfMissing) {}
}
