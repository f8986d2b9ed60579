package cn.govflow.licence;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "证照库", description = "电子证照（R20）：公钥、按标识读取、验证签名；验证无需登录")
@RestController
@RequestMapping("/api/licenses")
class LicenceController {

    private final LicenceService licences;

    LicenceController(LicenceService licences) {
        this.licences = licences;
    }

    /** The key that signs new licences (kept for clients of the first version; {@code /keys} lists them all). */
    @Operation(summary = "当前签名公钥", description = "签发新证照所用的 SM2 公钥（PEM），任何人可取；全部密钥见 GET /api/licenses/keys。")
    @ApiResponse(responseCode = "200", description = "公钥")
    @GetMapping("/public-key")
    LicenceService.PublicKey publicKey() {
        return licences.publicKey();
    }

    /** Every licence key by keyId: the active one, the retired ones and the compromised ones. */
    @Operation(
            summary = "全部签名密钥",
            description = "按 keyId 列出在用、已停用和已泄露的密钥：算法、曲线（SM2，OID 1.2.156.10197.1.301）、" + "PEM、证书有效期和状态。任何人可取。")
    @ApiResponse(responseCode = "200", description = "密钥列表")
    @GetMapping("/keys")
    List<LicenceService.PublicKey> keys() {
        return licences.publicKeys();
    }

    @Operation(summary = "读取一张电子证照", description = "证照内容和签名，原样可交给 POST /api/licenses/verify 验证。")
    @ApiResponse(responseCode = "200", description = "证照及签名")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{identifier}")
    LicenceService.LicenceDocument licence(
            @Parameter(
                            description = "证照标识（含 MOD 37,36 校验字符）",
                            example = "1.2.156.3005.2.11100000MB0298375C.310000.0000001.001.K")
                    @PathVariable
                    String identifier) {
        return licences.findByIdentifier(identifier).orElseThrow(() -> new UnknownLicence(identifier));
    }

    /** Takes a document as {@code GET /api/licenses/{identifier}} returns it: {licence: {...}, signature: {...}}. */
    @Operation(summary = "验证电子证照", description = "任何人可调用：签名是否有效、标识校验字符是否正确、是否已注销，并列出每一个问题。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "GET /api/licenses/{identifier} 返回的证照文档",
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "证照文档",
                                            value =
                                                    "{\"licence\":{\"identifier\":\"1.2.156.3005.2.11100000MB0298375C.310000.0000001.001.K\",\"name\":\"养犬登记证\",\"holder\":\"张三\"},\"signature\":{\"algorithm\":\"Ed25519\",\"keyId\":\"licence-signing\",\"value\":\"MEUCIQDx…\"}}")))
    @ApiResponse(responseCode = "200", description = "验证结果")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @PostMapping("/verify")
    LicenceService.Verification verify(@RequestBody(required = false) JsonNode document) {
        if (document == null || !document.path("licence").isObject()) {
            throw new InvalidDocument("licence", "证照文档须含 licence 对象（证照内容）");
        }
        JsonNode signature = document.path("signature");
        if (!signature.path("value").isTextual()
                || signature.path("value").asText().isBlank()) {
            throw new InvalidDocument("signature.value", "证照文档须含 signature.value（Base64 编码的签名）");
        }
        return licences.verify(
                document.get("licence"),
                text(signature, "algorithm"),
                text(signature, "keyId"),
                signature.get("value").asText());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() && !node.path(field).asText().isBlank()
                ? node.path(field).asText()
                : null;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownLicence e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "证照库中没有标识为 " + e.identifier + " 的证照");
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
