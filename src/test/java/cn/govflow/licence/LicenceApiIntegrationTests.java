package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The licence library over HTTP: anyone verifies, a login reads the register. */
@GovflowIntegrationTest
class LicenceApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    LicenceService licences;

    private String issue() {
        String caseNumber = "LA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return licences.issue(new LicenceService.IssueRequest(
                        caseNumber,
                        "310100-DOG-02",
                        "核发《养犬登记证》(补证)",
                        "public-security",
                        "市公安局",
                        "张三",
                        "3101**********1234",
                        "PERSON",
                        "yangpu"))
                .identifier();
    }

    private JsonNode document(String identifier) {
        ResponseEntity<JsonNode> response =
                http.withBasicAuth("window-yangpu", "demo").getForEntity("/api/licenses/" + identifier, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> verifyAnonymously(JsonNode document) {
        return http.postForEntity("/api/licenses/verify", document, JsonNode.class);
    }

    @Test
    @DisplayName("R8: anyone can fetch the public keys and verify an issued SM2-SM3 licence without logging in")
    void issuedLicenceVerifies() {
        JsonNode document = document(issue());

        ResponseEntity<JsonNode> key = http.getForEntity("/api/licenses/public-key", JsonNode.class);
        ResponseEntity<JsonNode> keys = http.getForEntity("/api/licenses/keys", JsonNode.class);
        ResponseEntity<JsonNode> verification = verifyAnonymously(document);

        String keyId = document.path("signature").path("keyId").asText();
        assertThat(document.path("signature").path("algorithm").asText()).isEqualTo("SM2-SM3");
        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(key.getBody().path("keyId").asText()).isEqualTo(keyId);
        assertThat(key.getBody().path("algorithm").asText()).isEqualTo("SM2-SM3");
        assertThat(key.getBody().path("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(keys.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode active = keys.getBody().get(0);
        assertThat(active.path("keyId").asText()).isEqualTo(keyId);
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("signatureAlgorithm").asText()).isEqualTo("SM3withSM2");
        assertThat(active.path("curve").asText()).isEqualTo("sm2p256v1");
        assertThat(active.path("curveOid").asText()).isEqualTo("1.2.156.10197.1.301");
        assertThat(active.path("signerId").asText()).isEqualTo("1234567812345678");
        assertThat(active.path("certificatePem").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(active.path("notAfter").asText()).isNotBlank();
        assertThat(verification.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verification.getBody().path("valid").asBoolean()).isTrue();
        assertThat(verification.getBody().path("signatureValid").asBoolean()).isTrue();
        assertThat(verification.getBody().path("checkCharacterValid").asBoolean())
                .isTrue();
        assertThat(verification.getBody().path("revoked").asBoolean()).isFalse();
        assertThat(verification.getBody().path("keyId").asText()).isEqualTo(keyId);
        assertThat(verification.getBody().path("keyCompromised").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R8: a signature naming an unknown key or another algorithm fails, naming the field")
    void unknownKeyOrAlgorithmFails() {
        JsonNode document = document(issue());
        ObjectNode unknownKey = document.deepCopy();
        ((ObjectNode) unknownKey.get("signature")).put("keyId", "00000000000000000000000000000000");
        ObjectNode otherAlgorithm = document.deepCopy();
        ((ObjectNode) otherAlgorithm.get("signature")).put("algorithm", "RSA-SHA256");

        assertThat(verifyAnonymously(unknownKey).getBody().path("problems").findValuesAsText("field"))
                .containsExactly("signature.keyId");
        assertThat(verifyAnonymously(otherAlgorithm).getBody().path("problems").findValuesAsText("field"))
                .containsExactly("signature.algorithm");
    }

    @Test
    @DisplayName("R8: a tampered licence fails verification, naming the changed field and the signature")
    void tamperedLicenceFails() {
        JsonNode document = document(issue());
        ((ObjectNode) document.get("licence")).put("validUntil", "2099-12-31");

        ResponseEntity<JsonNode> verification = verifyAnonymously(document);

        assertThat(verification.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verification.getBody().path("valid").asBoolean()).isFalse();
        assertThat(verification.getBody().path("signatureValid").asBoolean()).isFalse();
        assertThat(verification.getBody().path("problems").findValuesAsText("field"))
                .contains("signature", "licence.validUntil");
    }

    @Test
    @DisplayName("R29: a revoked licence verifies as revoked, with date and reason")
    void revokedLicenceFails() {
        String identifier = issue();
        JsonNode document = document(identifier);
        licences.revoke(document.path("licence").path("caseNumber").asText(), "告知承诺核查不实");

        ResponseEntity<JsonNode> verification = verifyAnonymously(document);

        assertThat(verification.getBody().path("valid").asBoolean()).isFalse();
        assertThat(verification.getBody().path("signatureValid").asBoolean()).isTrue();
        assertThat(verification.getBody().path("revoked").asBoolean()).isTrue();
        assertThat(verification.getBody().path("revokedAt").asText()).isNotBlank();
        assertThat(verification.getBody().path("revokeReason").asText()).isEqualTo("告知承诺核查不实");
        assertThat(document(identifier).path("revoked").asBoolean()).isTrue();
    }

    @Test
    @DisplayName(
            "R8: reading the register needs a login; an unknown licence or an incomplete document is a 4xx naming the field")
    void registerNeedsLoginAndErrorsNameTheField() {
        String identifier = issue();

        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/licenses/" + identifier, JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.withBasicAuth("window-yangpu", "demo")
                .getForEntity("/api/licenses/1.2.156.3005.2.X", JsonNode.class);
        ResponseEntity<JsonNode> incomplete = http.postForEntity(
                "/api/licenses/verify", Map.of("licence", Map.of("identifier", identifier)), JsonNode.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("field").asText()).isEqualTo("identifier");
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().path("field").asText()).isEqualTo("signature.value");
    }
}
