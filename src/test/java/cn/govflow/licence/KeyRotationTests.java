package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation end to end, with the operator's steps of docs/licences.md run as written (openssl): a new key signs
 * new licences, the old one's licences still verify, and once it is marked compromised they verify as such.
 */
class KeyRotationTests {

    private static final String PASSWORD = "s3cret";

    @TempDir
    Path dir;

    private final LicenceRegisterFixture register = new LicenceRegisterFixture();

    private LicenceService start(String alias, boolean generate, String... compromised) {
        SigningKeys keys = SigningKeys.fromKeystore(new LicenceProperties(
                new LicenceProperties.Keystore(
                        dir.resolve("licence-signing.p12").toString(), PASSWORD, alias, generate),
                Period.ofYears(5),
                Sm2.DEFAULT_SIGNER_ID,
                List.of(compromised)));
        return register.service(keys, Instant.now());
    }

    private static LicenceService.Verification verify(
            LicenceService licences, LicenceService.LicenceDocument document) {
        return licences.verify(
                document.licence(),
                document.signature().algorithm(),
                document.signature().keyId(),
                document.signature().value());
    }

    @Test
    @DisplayName(
            "R8: after a rotation the new key signs, the retired key's licences still verify, a compromised key's licences verify as keyCompromised")
    void rotateThenCompromise() throws Exception {
        LicenceService before = start("licence-2026", true);
        LicenceService.LicenceDocument old = before.issue(LicenceRegisterFixture.request("RO-2026-000001"));
        String oldKey = old.signature().keyId();

        // docs/licences.md, "Rotating the signing key": a new SM2 key and certificate, and a keystore that holds the
        // new key and, as certificates only, every key that signed licences before
        OpenSsl.succeed(
                dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "licence-2027.key");
        OpenSsl.succeed(
                dir,
                "req",
                "-x509",
                "-new",
                "-key",
                "licence-2027.key",
                "-sm3",
                "-sigopt",
                "distid:1234567812345678",
                "-subj",
                "/C=CN/O=govflow/CN=licence-2027",
                "-days",
                "1830",
                "-out",
                "licence-2027.crt");
        OpenSsl.succeed(
                dir,
                "pkcs12",
                "-in",
                "licence-signing.p12",
                "-passin",
                "pass:" + PASSWORD,
                "-nokeys",
                "-out",
                "previous.crt");
        OpenSsl.succeed(
                dir,
                "pkcs12",
                "-export",
                "-name",
                "licence-2027",
                "-inkey",
                "licence-2027.key",
                "-in",
                "licence-2027.crt",
                "-certfile",
                "previous.crt",
                "-caname",
                "licence-2026",
                "-passout",
                "pass:" + PASSWORD,
                "-out",
                "licence-signing-new.p12");
        Files.move(
                dir.resolve("licence-signing-new.p12"),
                dir.resolve("licence-signing.p12"),
                StandardCopyOption.REPLACE_EXISTING);

        LicenceService after = start("licence-2027", false);
        LicenceService.LicenceDocument fresh = after.issue(LicenceRegisterFixture.request("RO-2026-000002"));
        LicenceService.Verification oldAfterRotation = verify(after, old);

        assertThat(fresh.signature().algorithm()).isEqualTo("SM2-SM3");
        assertThat(fresh.signature().keyId()).isNotEqualTo(oldKey);
        assertThat(verify(after, fresh).valid()).isTrue();
        assertThat(oldAfterRotation.valid()).isTrue();
        assertThat(oldAfterRotation.keyId()).isEqualTo(oldKey);
        assertThat(after.publicKeys())
                .extracting(LicenceService.PublicKey::keyId, LicenceService.PublicKey::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fresh.signature().keyId(), "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple(oldKey, "RETIRED"));
        assertThat(after.issue(LicenceRegisterFixture.request("RO-2026-000003"))
                        .signature()
                        .keyId())
                .as("the retired key signs nothing new")
                .isEqualTo(fresh.signature().keyId());

        LicenceService compromised = start("licence-2027", false, oldKey);
        LicenceService.Verification oldCompromised = verify(compromised, old);

        assertThat(oldCompromised.valid()).isFalse();
        assertThat(oldCompromised.signatureValid()).isTrue();
        assertThat(oldCompromised.keyCompromised()).isTrue();
        assertThat(oldCompromised.problems())
                .extracting(LicenceService.Problem::field)
                .containsExactly("signature.keyId");
        assertThat(verify(compromised, fresh).valid()).isTrue();
        assertThat(compromised.publicKeys())
                .extracting(LicenceService.PublicKey::status)
                .containsExactly("ACTIVE", "COMPROMISED");
    }
}
