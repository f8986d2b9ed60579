package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issuing, signing, verifying and revoking e-licences against the register table in an H2 database. */
class LicenceServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private JdbcTemplate jdbc;
    private SigningKeys keys;
    private LicenceService licences;

    @BeforeEach
    void registerAndKey() {
        LicenceRegisterFixture register = new LicenceRegisterFixture();
        jdbc = register.jdbc;
        keys = SigningKeys.generated();
        licences = register.service(keys, NOW);
    }

    private static LicenceService.IssueRequest request(String caseNumber) {
        return LicenceRegisterFixture.request(caseNumber);
    }

    @Test
    @DisplayName(
            "R20: an issued licence names the item's licence, the holder and the issuer, and carries a valid identifier")
    void issuesLicenceWithNationalIdentifier() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000001"));

        JsonNode licence = document.licence();
        assertThat(licence.path("name").asText()).isEqualTo("养犬登记证");
        assertThat(licence.path("holder").path("name").asText()).isEqualTo("张三");
        assertThat(licence.path("holder").path("idType").asText()).isEqualTo("居民身份证");
        assertThat(licence.path("issuer").path("name").asText()).isEqualTo("市公安局");
        assertThat(licence.path("issuer").path("code").asText()).isEqualTo("11310000GF00000449");
        assertThat(licence.path("issueDate").asText()).isEqualTo("2026-11-23");
        assertThat(licence.path("validUntil").asText()).isEqualTo("2031-11-22");
        assertThat(licence.path("caseNumber").asText()).isEqualTo("YP-2026-000001");
        LicenceIdentifier identifier = LicenceIdentifier.parse(document.identifier());
        assertThat(identifier.typeCode()).isEqualTo("11310000GF00000449001");
        assertThat(identifier.serial()).startsWith("2026");
        assertThat(identifier.checkCharacterValid()).isTrue();
        assertThat(document.signature().algorithm()).isEqualTo("SM2-SM3");
        assertThat(document.signature().keyId()).isEqualTo(keys.active().keyId());
    }

    @Test
    @DisplayName("R8: the signature over the canonical content verifies (round trip)")
    void signatureRoundTrip() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000002"));

        LicenceService.Verification verification =
                verify(document.licence(), document.signature().value());

        assertThat(verification.valid()).isTrue();
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.checkCharacterValid()).isTrue();
        assertThat(verification.registered()).isTrue();
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.keyId()).isEqualTo(keys.active().keyId());
        assertThat(verification.keyCompromised()).isFalse();
        assertThat(keys.active()
                        .verify(
                                Sm2.DEFAULT_SIGNER_ID,
                                CanonicalJson.bytes(document.licence()),
                                Base64.getDecoder().decode(document.signature().value())))
                .isTrue();
    }

    @Test
    @DisplayName("R8: a changed holder name fails, naming the field and the signature")
    void tamperedFieldIsNamed() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000003"));
        ObjectNode tampered = document.licence().deepCopy();
        ((ObjectNode) tampered.get("holder")).put("name", "李四");

        LicenceService.Verification verification =
                verify(tampered, document.signature().value());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatureValid()).isFalse();
        assertThat(verification.checkCharacterValid()).isTrue();
        assertThat(verification.problems())
                .extracting(LicenceService.Problem::field)
                .containsExactlyInAnyOrder("signature", "licence.holder.name");
    }

    @Test
    @DisplayName("R8: a licence signed by another key fails on the signature")
    void foreignSignatureFails() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000004"));
        SigningKeys forger = SigningKeys.generated();
        String forged =
                forger.sign(CanonicalJson.bytes(document.licence()), NOW).value();

        LicenceService.Verification verification = verify(document.licence(), forged);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatureValid()).isFalse();
        assertThat(verification.problems())
                .extracting(LicenceService.Problem::field)
                .containsExactly("signature");
    }

    @Test
    @DisplayName("R20: a wrong check character fails even when the content is signed with the right key")
    void wrongCheckCharacterFails() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000005"));
        ObjectNode altered = document.licence().deepCopy();
        String identifier = document.identifier();
        char check = identifier.charAt(identifier.length() - 1);
        altered.put("identifier", identifier.substring(0, identifier.length() - 1) + (check == 'A' ? 'B' : 'A'));
        String resigned = keys.sign(CanonicalJson.bytes(altered), NOW).value();

        LicenceService.Verification verification = verify(altered, resigned);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.checkCharacterValid()).isFalse();
        assertThat(verification.problems())
                .extracting(LicenceService.Problem::field)
                .contains("licence.identifier");
    }

    @Test
    @DisplayName(
            "R29: a revoked licence verifies as revoked, with date and reason; a second revocation keeps the first")
    void revokedLicence() {
        LicenceService.LicenceDocument document = licences.issue(request("YP-2026-000006"));

        assertThat(licences.revoke("YP-2026-000006", "告知承诺核查不实")).isTrue();
        assertThat(licences.revoke("YP-2026-000006", "另一个理由")).isTrue();
        LicenceService.Verification verification =
                verify(document.licence(), document.signature().value());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.revoked()).isTrue();
        assertThat(verification.revokedAt()).isEqualTo(NOW);
        assertThat(verification.revokeReason()).isEqualTo("告知承诺核查不实");
        assertThat(licences.revoke("NO-SUCH-CASE", "告知承诺核查不实")).isFalse();
    }

    @Test
    @DisplayName("R29: the revoke delegate revokes the case's licence with the model's reason, or the R29 default")
    void revokeDelegate() throws Exception {
        licences.issue(request("YP-2026-000009"));
        licences.issue(request("YP-2026-000010"));
        DelegateExecution withReason = mock(DelegateExecution.class);
        when(withReason.getVariable("caseNumber")).thenReturn("YP-2026-000009");
        when(withReason.getVariable("revokeReason")).thenReturn("承诺的场地不存在");
        DelegateExecution withoutReason = mock(DelegateExecution.class);
        when(withoutReason.getVariable("caseNumber")).thenReturn("YP-2026-000010");

        new RevokeLicenceDelegate(licences).execute(withReason);
        new RevokeLicenceDelegate(licences).execute(withoutReason);

        org.mockito.Mockito.verify(withReason).setVariable("licenceRevoked", true);
        assertThat(licences.findByCase("YP-2026-000009").orElseThrow().revokeReason())
                .isEqualTo("承诺的场地不存在");
        assertThat(licences.findByCase("YP-2026-000010").orElseThrow().revokeReason())
                .isEqualTo(RevokeLicenceDelegate.DEFAULT_REASON);
    }

    @Test
    @DisplayName("R20: issuing twice for one case (a retried job) returns the same licence, one row")
    void retryReturnsTheSameLicence() {
        String first = licences.issue(request("YP-2026-000007")).identifier();
        String second = licences.issue(request("YP-2026-000007")).identifier();

        assertThat(second).isEqualTo(first);
        assertThat(rows("YP-2026-000007")).isOne();
    }

    @Test
    @DisplayName("R20: two concurrent issuances for one case make one licence")
    void concurrentIssuanceMakesOneLicence() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return licences.issue(request("YP-2026-000008")).identifier();
            }));
        }
        start.countDown();
        List<String> identifiers = new ArrayList<>();
        for (Future<String> result : results) {
            identifiers.add(result.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(identifiers).hasSize(4).containsOnly(identifiers.get(0));
        assertThat(rows("YP-2026-000008")).isOne();
    }

    private LicenceService.Verification verify(JsonNode licence, String signature) {
        return licences.verify(licence, "SM2-SM3", keys.active().keyId(), signature);
    }

    private long rows(String caseNumber) {
        return jdbc.queryForObject("select count(*) from gf_licence where case_number = ?", Long.class, caseNumber);
    }
}
