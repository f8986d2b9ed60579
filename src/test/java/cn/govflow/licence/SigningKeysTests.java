package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTests {

    @TempDir
    Path dir;

    private LicenceProperties settings(String alias, boolean generate, String... compromised) {
        return new LicenceProperties(
                new LicenceProperties.Keystore(dir.resolve("keys/licence.p12").toString(), "s3cret", alias, generate),
                Period.ofYears(5),
                Sm2.DEFAULT_SIGNER_ID,
                List.of(compromised));
    }

    @Test
    @DisplayName(
            "R8: the demo keystore holds an SM2 key with an SM3withSM2 X.509 v3 certificate, read back at the next start")
    void generatesAndReloadsKeystore() {
        SigningKeys first = SigningKeys.fromKeystore(settings("licence", true));
        SigningKeys second = SigningKeys.fromKeystore(settings("licence", false));

        assertThat(dir.resolve("keys/licence.p12")).exists();
        assertThat(second.active().keyId()).isEqualTo(first.active().keyId());
        assertThat(second.active().algorithm()).isEqualTo("SM2-SM3");
        X509Certificate certificate = second.active().certificate();
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        byte[] data = "证照".getBytes(StandardCharsets.UTF_8);
        SigningKeys.Signed signed = first.sign(data, Instant.now());
        assertThat(second.active()
                        .verify(Sm2.DEFAULT_SIGNER_ID, data, Base64.getDecoder().decode(signed.value())))
                .isTrue();
        assertThat(second.active()
                        .verify("another-signer-id", data, Base64.getDecoder().decode(signed.value())))
                .as("the signer id is part of what is signed")
                .isFalse();
    }

    @Test
    @DisplayName("R8: outside the demo profile a missing keystore stops start-up with a clear message")
    void missingKeystoreFails() {
        assertThatThrownBy(() -> SigningKeys.fromKeystore(settings("licence", false)))
                .hasMessageContaining("Licence signing keystore not found")
                .hasMessageContaining("GOVFLOW_LICENSE_KEYSTORE")
                .hasMessageContaining("docs/licences.md");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(new LicenceProperties(
                        new LicenceProperties.Keystore(dir.resolve("absent.p12").toString(), "", "licence", true),
                        Period.ofYears(5),
                        "x",
                        List.of())))
                .hasMessageContaining("GOVFLOW_LICENSE_KEYSTORE_PASSWORD");
    }

    @Test
    @DisplayName(
            "R8: signatures made one after another and on several threads at once each verify for their own content")
    void signaturesInARowAndInParallelVerify() throws Exception {
        SigningKeys keys = SigningKeys.generated();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> verified = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] content = ("{\"caseNumber\":\"SH-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                verified.add(threads.submit(() -> {
                    byte[] value = Base64.getDecoder()
                            .decode(keys.sign(content, Instant.now()).value());
                    byte[] other = "{\"caseNumber\":\"other\"}".getBytes(StandardCharsets.UTF_8);
                    return keys.active().verify(keys.signerId(), content, value)
                            && !keys.active().verify(keys.signerId(), other, value);
                }));
            }
            for (Future<Boolean> each : verified) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName(
            "R8: anyone can verify a signature with the published PEM key, SM3withSM2 and GM/T 0009's default signer id")
    void publishedKeyVerifiesWithDefaultSignerId() throws Exception {
        SigningKeys keys = SigningKeys.generated();
        byte[] content = CanonicalJson.bytes(new ObjectMapper().readTree("{\"b\":\"证\",\"a\":{\"d\":1,\"c\":null}}"));
        byte[] signatureValue =
                Base64.getDecoder().decode(keys.sign(content, Instant.now()).value());

        String pem = keys.active().publicKeyPem();
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        PublicKey published = KeyFactory.getInstance("EC", Sm2.PROVIDER).generatePublic(new X509EncodedKeySpec(der));
        // no SM2ParameterSpec: BouncyCastle then uses GM/T 0009's default signer id, as govflow does
        Signature verifier = Signature.getInstance("SM3withSM2", Sm2.PROVIDER);
        verifier.initVerify(published);
        verifier.update(content);

        assertThat(verifier.verify(signatureValue)).isTrue();
        assertThat(LicenceKey.keyId(published)).isEqualTo(keys.active().keyId());
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("{\"a\":{\"c\":null,\"d\":1},\"b\":\"证\"}");
    }

    @Test
    @DisplayName(
            "R8: the demo keystore of an earlier version (Ed25519) gets an SM2 key; the Ed25519 key stays as retired and verifies its licences")
    void demoKeystoreMovesFromEd25519ToSm2() throws Exception {
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X509Certificate certificate = ed25519Certificate(ed25519);
        KeyStore store = KeyStore.getInstance("PKCS12"); // the JDK's keystore, as earlier versions wrote it
        store.load(null, "s3cret".toCharArray());
        store.setKeyEntry("licence", ed25519.getPrivate(), "s3cret".toCharArray(), new Certificate[] {certificate});
        Files.createDirectories(dir.resolve("keys"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("keys/licence.p12"))) {
            store.store(out, "s3cret".toCharArray());
        }
        byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(ed25519.getPrivate());
        ed.update(content);
        byte[] oldSignature = ed.sign();

        assertThatThrownBy(() -> SigningKeys.fromKeystore(settings("licence", false)))
                .as("production: the operator adds an SM2 key")
                .hasMessageContaining("is Ed25519")
                .hasMessageContaining("GOVFLOW_LICENSE_KEYSTORE_ALIAS");
        SigningKeys keys = SigningKeys.fromKeystore(settings("licence", true));

        assertThat(keys.active().algorithm()).isEqualTo("SM2-SM3");
        assertThat(keys.all()).hasSize(2);
        LicenceKey retired = keys.all().get(1);
        assertThat(retired.alias()).isEqualTo("licence-ed25519");
        assertThat(retired.algorithm()).isEqualTo("Ed25519");
        assertThat(retired.status()).isEqualTo(LicenceKey.Status.RETIRED);
        assertThat(retired.keyId()).isEqualTo(LicenceKey.keyId(ed25519.getPublic()));
        assertThat(retired.verify(Sm2.DEFAULT_SIGNER_ID, content, oldSignature)).isTrue();
        assertThat(SigningKeys.fromKeystore(settings("licence", false)).all())
                .as("the next start reads the same keys")
                .extracting(LicenceKey::keyId, LicenceKey::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(keys.active().keyId(), LicenceKey.Status.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(retired.keyId(), LicenceKey.Status.RETIRED));
    }

    @Test
    @DisplayName("R8: a compromised-keys entry that names no key, or names the signing key, stops start-up")
    void compromisedKeysAreChecked() {
        String active =
                SigningKeys.fromKeystore(settings("licence", true)).active().keyId();

        assertThatThrownBy(() -> SigningKeys.fromKeystore(settings("licence", false, "0123456789abcdef")))
                .hasMessageContaining("no key id or alias");
        assertThatThrownBy(() -> SigningKeys.fromKeystore(settings("licence", false, active)))
                .hasMessageContaining("rotate to a new key first");
    }

    private static X509Certificate ed25519Certificate(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=govflow before SM2");
        ZonedDateTime now = ZonedDateTime.now();
        return new JcaX509CertificateConverter()
                .setProvider(Sm2.PROVIDER)
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                java.math.BigInteger.ONE,
                                Date.from(now.minusYears(1).toInstant()),
                                Date.from(now.plusYears(9).toInstant()),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("Ed25519").build(keys.getPrivate())));
    }
}
