package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** govflow's SM2 signatures checked by a second implementation, the openssl command line, and the other way round. */
class OpenSslInteroperabilityTests {

    private static final String LICENCE = """
            {"identifier":"1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000001.001.K",
             "name":"养犬登记证","holder":{"name":"张三","idType":"居民身份证","idMasked":"3101**********1234"},
             "issuer":{"name":"市公安局","code":"11310000GF00000449"},"validUntil":"2031-11-22"}""";

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "R8: openssl verifies a govflow licence signature with the published PEM key, SM3 and the signer id; a changed field fails")
    void opensslVerifiesGovflowSignature() throws Exception {
        SigningKeys keys = SigningKeys.generated();
        ObjectNode licence = (ObjectNode) new ObjectMapper().readTree(LICENCE);
        SigningKeys.Signed signed = keys.sign(CanonicalJson.bytes(licence), Instant.now());
        Files.write(dir.resolve("licence.json"), CanonicalJson.bytes(licence));
        Files.write(dir.resolve("licence.sig"), Base64.getDecoder().decode(signed.value()));
        Files.writeString(dir.resolve("key.pem"), keys.active().publicKeyPem());
        ((ObjectNode) licence.get("holder")).put("name", "李四");
        Files.write(dir.resolve("tampered.json"), CanonicalJson.bytes(licence));

        String pkeyutl = OpenSsl.succeed(
                dir,
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "key.pem",
                "-rawin",
                "-in",
                "licence.json",
                "-digest",
                "sm3",
                "-pkeyopt",
                "distid:1234567812345678",
                "-sigfile",
                "licence.sig");
        String dgst = OpenSsl.succeed(
                dir,
                "dgst",
                "-sm3",
                "-verify",
                "key.pem",
                "-sigopt",
                "distid:1234567812345678",
                "-signature",
                "licence.sig",
                "licence.json");
        OpenSsl.Result tampered = OpenSsl.run(
                dir,
                "dgst",
                "-sm3",
                "-verify",
                "key.pem",
                "-sigopt",
                "distid:1234567812345678",
                "-signature",
                "licence.sig",
                "tampered.json");
        OpenSsl.Result otherSignerId = OpenSsl.run(
                dir,
                "dgst",
                "-sm3",
                "-verify",
                "key.pem",
                "-sigopt",
                "distid:ALICE123@YAHOO.COM",
                "-signature",
                "licence.sig",
                "licence.json");

        assertThat(pkeyutl).contains("Signature Verified Successfully");
        assertThat(dgst).contains("Verified OK");
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.output()).contains("Verification failure");
        assertThat(otherSignerId.exitCode()).isNotZero();
        assertThat(OpenSsl.succeed(dir, "pkey", "-pubin", "-in", "key.pem", "-noout", "-text"))
                .contains("SM2");
    }

    @Test
    @DisplayName("R8: govflow verifies what openssl signs with an SM2 key of its own (SM3, the default signer id)")
    void govflowVerifiesOpensslSignature() throws Exception {
        byte[] content = CanonicalJson.bytes(new ObjectMapper().readTree(LICENCE));
        Files.write(dir.resolve("licence.json"), content);
        OpenSsl.succeed(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "key.pem");
        OpenSsl.succeed(dir, "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem");
        OpenSsl.succeed(
                dir,
                "dgst",
                "-sm3",
                "-sign",
                "key.pem",
                "-sigopt",
                "distid:1234567812345678",
                "-out",
                "licence.sig",
                "licence.json");

        String pem = Files.readString(dir.resolve("public.pem"));
        PublicKey key = KeyFactory.getInstance("EC", Sm2.PROVIDER)
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        byte[] signature = Files.readAllBytes(dir.resolve("licence.sig"));

        assertThat(Sm2.isSm2(key)).isTrue();
        assertThat(Sm2.verify(key, Sm2.DEFAULT_SIGNER_ID, content, signature)).isTrue();
        assertThat(Sm2.verify(key, Sm2.DEFAULT_SIGNER_ID, "{}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }
}
