package cn.govflow.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("R8: the demo keystore is generated once and the same key is read back at the next start")
    void generatesAndReloadsKeystore() {
        LicenseProperties.Keystore settings =
                new LicenseProperties.Keystore(dir.resolve("keys/licence.p12").toString(), "s3cret", "licence", true);

        SigningKeys first = SigningKeys.fromKeystore(settings);
        SigningKeys second = SigningKeys.fromKeystore(settings);

        assertThat(dir.resolve("keys/licence.p12")).exists();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        byte[] data = "证照".getBytes(StandardCharsets.UTF_8);
        assertThat(second.verify(data, first.sign(data))).isTrue();
    }

    @Test
    @DisplayName("R8: outside the demo profile a missing keystore stops start-up with a clear message")
    void missingKeystoreFails() {
        LicenseProperties.Keystore settings =
                new LicenseProperties.Keystore(dir.resolve("absent.p12").toString(), "s3cret", "licence", false);

        assertThatThrownBy(() -> SigningKeys.fromKeystore(settings))
                .hasMessageContaining("Licence signing keystore not found").hasMessageContaining("GOVFLOW_LICENSE_KEYSTORE");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(
                new LicenseProperties.Keystore(dir.resolve("absent.p12").toString(), "", "licence", true)))
                .hasMessageContaining("GOVFLOW_LICENSE_KEYSTORE_PASSWORD");
    }

    @Test
    @DisplayName("R8: anyone can verify a signature with the published PEM key and the JDK alone")
    void publishedKeyVerifiesWithTheJdk() throws Exception {
        SigningKeys keys = new SigningKeys(SigningKeys.newKeyPair());
        byte[] content = CanonicalJson.bytes(new ObjectMapper().readTree("{\"b\":\"证\",\"a\":{\"d\":1,\"c\":null}}"));
        byte[] signatureValue = keys.sign(content);

        String pem = keys.publicKeyPem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", ""));
        PublicKey published = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(published);
        verifier.update(content);

        assertThat(verifier.verify(signatureValue)).isTrue();
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("{\"a\":{\"c\":null,\"d\":1},\"b\":\"证\"}");
    }
}
