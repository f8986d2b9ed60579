package cn.govflow.license;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The licence library's API. Anyone may fetch the public keys and verify a licence document (no login, see
 * SecurityConfig); reading a licence from the register needs a login.
 */
@RestController
@RequestMapping("/api/licenses")
class LicenseController {

    private final LicenseService licenses;

    LicenseController(LicenseService licenses) {
        this.licenses = licenses;
    }

    /** The key that signs new licences (kept for clients of the first version; {@code /keys} lists them all). */
    @GetMapping("/public-key")
    LicenseService.PublicKey publicKey() {
        return licenses.publicKey();
    }

    /** Every licence key by keyId: the active one, the retired ones and the compromised ones. */
    @GetMapping("/keys")
    List<LicenseService.PublicKey> keys() {
        return licenses.publicKeys();
    }

    @GetMapping("/{identifier}")
    LicenseService.LicenceDocument licence(@PathVariable String identifier) {
        return licenses.findByIdentifier(identifier).orElseThrow(() -> new UnknownLicence(identifier));
    }

    /** Takes a document as {@code GET /api/licenses/{identifier}} returns it: {licence: {...}, signature: {...}}. */
    @PostMapping("/verify")
    LicenseService.Verification verify(@RequestBody(required = false) JsonNode document) {
        if (document == null || !document.path("licence").isObject()) {
            throw new InvalidDocument("licence", "证照文档须含 licence 对象（证照内容）");
        }
        JsonNode signature = document.path("signature");
        if (!signature.path("value").isTextual() || signature.path("value").asText().isBlank()) {
            throw new InvalidDocument("signature.value", "证照文档须含 signature.value（Base64 编码的签名）");
        }
        return licenses.verify(document.get("licence"), text(signature, "algorithm"), text(signature, "keyId"),
                signature.get("value").asText());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() && !node.path(field).asText().isBlank() ? node.path(field).asText() : null;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownLicence e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "证照库中没有标识为 " + e.identifier
                + " 的证照");
        problem.setTitle("证照不存在");
        problem.setProperty("field", "identifier");
        problem.setProperty("rule", "R20");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidDocument e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("证照文档不完整");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("field", e.field);
        problem.setProperty("rule", "R8");
        return problem;
    }

    static final class UnknownLicence extends RuntimeException {
        final String identifier;

        UnknownLicence(String identifier) {
            super(identifier);
            this.identifier = identifier;
        }
    }

    static final class InvalidDocument extends RuntimeException {
        final String field;

        InvalidDocument(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
