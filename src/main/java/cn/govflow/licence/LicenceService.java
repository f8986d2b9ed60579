package cn.govflow.licence;

import cn.govflow.catalog.Department;
import cn.govflow.catalog.DepartmentDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, reads, verifies and revokes e-licences. One licence per case: the register's UNIQUE(case_number)
 * decides, so a retried or concurrent issuance returns the licence that already exists (R20).
 */
public class LicenceService {

    static final String VERSION = "001";

    /** What the issuing delegate knows about the case (process variables, no personal data beyond these). */
    public record IssueRequest(
            String caseNumber,
            String itemCode,
            String itemName,
            String department,
            String departmentName,
            String applicantName,
            String applicantIdMasked,
            String applicantType,
            String district) {}

    /** A licence as published: the signed content, its signature, and its register status (not signed). */
    public record LicenceDocument(
            JsonNode licence, Signature signature, boolean revoked, Instant revokedAt, String revokeReason) {

        public String identifier() {
            return licence.path("identifier").asText();
        }
    }

    public record Signature(String algorithm, String keyId, String value) {}

    public record Problem(String field, String message) {}

    /**
     * {@code keyId}: the key whose signature matched (null when none did); {@code keyCompromised}: that key is
     * marked compromised, so the signature proves nothing.
     */
    public record Verification(
            boolean valid,
            boolean signatureValid,
            boolean checkCharacterValid,
            boolean registered,
            boolean revoked,
            Instant revokedAt,
            String revokeReason,
            List<Problem> problems,
            String keyId,
            boolean keyCompromised) {}

    /**
     * A published licence key. {@code status}: ACTIVE signs new licences, RETIRED only verifies, COMPROMISED verifies
     * as {@code keyCompromised}. {@code notBefore}/{@code notAfter}: its certificate's validity.
     */
    public record PublicKey(
            String keyId,
            String algorithm,
            String signatureAlgorithm,
            String curve,
            String curveOid,
            String signerId,
            String status,
            Instant notBefore,
            Instant notAfter,
            String publicKeyPem,
            String certificatePem) {}

    private final LicenceRepository register;
    private final SigningKeys keys;
    private final LicenceIssuers issuers;
    private final LicenceTemplates templates;
    private final DepartmentDirectory departments;
    private final Period validity;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    LicenceService(
            LicenceRepository register,
            SigningKeys keys,
            LicenceIssuers issuers,
            LicenceTemplates templates,
            DepartmentDirectory departments,
            Period validity,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.register = register;
        this.keys = keys;
        this.issuers = issuers;
        this.templates = templates;
        this.departments = departments;
        this.validity = validity;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The licence is committed on its own, like an entry in an external licence library: a job that fails
        // afterwards does not take it back, and its retry finds it.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Issues the case's licence, or returns the one it already has. */
    public LicenceDocument issue(IssueRequest request) {
        require(request.caseNumber(), "caseNumber");
        Optional<LicenceDocument> existing = findByCase(request.caseNumber());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            ownTransaction.executeWithoutResult(status -> create(request));
        } catch (DuplicateKeyException concurrentIssuance) {
            // another execution of the same job won the race: its licence is the case's licence
        }
        return findByCase(request.caseNumber())
                .orElseThrow(() -> new IllegalStateException(
                        "licence of case " + request.caseNumber() + " not found after issuing"));
    }

    public Optional<LicenceDocument> findByCase(String caseNumber) {
        return register.findByCase(caseNumber)
                .filter(l -> l.identifier() != null)
                .map(this::document);
    }

    public Optional<LicenceDocument> findByIdentifier(String identifier) {
        return register.findByIdentifier(identifier).map(this::document);
    }

    /** Revokes the case's licence (R29: a false 告知承诺); false when the case has no licence. */
    public boolean revoke(String caseNumber, String reason) {
        require(caseNumber, "caseNumber");
        require(reason, "reason");
        register.revoke(caseNumber, clock.instant(), reason);
        return register.findByCase(caseNumber).map(l -> l.revokedAt() != null).orElse(false);
    }

    /** The key that signs new licences. */
    public PublicKey publicKey() {
        return published(keys.active());
    }

    /** Every key a licence may be signed with: the active one first, then the retired and compromised ones. */
    public List<PublicKey> publicKeys() {
        return keys.all().stream().map(this::published).toList();
    }

    private PublicKey published(LicenceKey key) {
        boolean sm2 = Sm2.ALGORITHM.equals(key.algorithm());
        return new PublicKey(
                key.keyId(),
                key.algorithm(),
                sm2 ? Sm2.JCA_SIGNATURE : LicenceKey.ED25519,
                sm2 ? Sm2.CURVE : "Ed25519",
                sm2 ? Sm2.CURVE_OID : "1.3.101.112",
                sm2 ? keys.signerId() : null,
                key.status().name(),
                key.notBefore(),
                key.notAfter(),
                key.publicKeyPem(),
                key.certificatePem());
    }

    /**
     * Checks a licence document as anyone holding it would: the signature over the canonical content, the
     * identifier's check character, and the register (known, unchanged, not revoked). Every failure is named.
     */
    public Verification verify(JsonNode licence, String algorithm, String keyId, String signatureValue) {
        List<Problem> problems = new ArrayList<>();

        LicenceKey signer = null;
        List<LicenceKey> candidates =
                keyId == null ? keys.all() : keys.find(keyId).stream().toList();
        if (algorithm != null && !Sm2.ALGORITHM.equals(algorithm) && !LicenceKey.ED25519.equals(algorithm)) {
            problems.add(new Problem("signature.algorithm", "签名算法须为 " + Sm2.ALGORITHM + "（SM2 签名、SM3 杂凑）"));
        } else if (candidates.isEmpty()) {
            problems.add(new Problem("signature.keyId", "证照库没有标识为 " + keyId + " 的签名密钥"));
        } else {
            try {
                byte[] content = CanonicalJson.bytes(licence);
                byte[] value = Base64.getDecoder().decode(signatureValue);
                signer = candidates.stream()
                        .filter(k -> algorithm == null || k.algorithm().equals(algorithm))
                        .filter(k -> k.verify(keys.signerId(), content, value))
                        .findFirst()
                        .orElse(null);
            } catch (IllegalArgumentException notBase64OrNotCanonical) {
                signer = null;
            }
            if (signer == null) {
                problems.add(new Problem("signature", "签名与证照内容不符：证照内容被改动或签名不是本系统签发"));
            }
        }
        boolean signatureValid = signer != null;
        boolean keyCompromised = signer != null && signer.status() == LicenceKey.Status.COMPROMISED;
        if (keyCompromised) {
            problems.add(new Problem("signature.keyId", "签名密钥 " + signer.keyId() + " 已泄露，其签名不能证明证照真实：请向签发机关申请换发"));
        }

        String identifier = licence.path("identifier").asText(null);
        boolean checkCharacterValid = false;
        if (identifier == null) {
            problems.add(new Problem("licence.identifier", "缺少证照标识"));
        } else {
            try {
                checkCharacterValid = LicenceIdentifier.parse(identifier).checkCharacterValid();
                if (!checkCharacterValid) {
                    problems.add(new Problem("licence.identifier", "证照标识的校验位错误（ISO/IEC 7064 MOD 37,36）"));
                }
            } catch (IllegalArgumentException malformed) {
                problems.add(new Problem("licence.identifier", malformed.getMessage()));
            }
        }

        Optional<LicenceRepository.StoredLicence> stored =
                identifier == null ? Optional.empty() : register.findByIdentifier(identifier);
        boolean revoked = stored.map(l -> l.revokedAt() != null).orElse(false);
        if (stored.isEmpty()) {
            if (identifier != null) {
                problems.add(new Problem("licence.identifier", "证照库中没有该证照"));
            }
        } else {
            for (String path : differences(read(stored.get().content()), licence)) {
                problems.add(new Problem("licence." + path, "与证照库登记的内容不一致"));
            }
            if (revoked) {
                problems.add(new Problem(
                        "licence",
                        "证照已于 " + stored.get().revokedAt() + " 撤销："
                                + stored.get().revokeReason()));
            }
        }
        boolean valid = problems.isEmpty();
        return new Verification(
                valid,
                signatureValid,
                checkCharacterValid,
                stored.isPresent(),
                revoked,
                stored.map(LicenceRepository.StoredLicence::revokedAt).orElse(null),
                stored.map(LicenceRepository.StoredLicence::revokeReason).orElse(null),
                List.copyOf(problems),
                signer == null ? null : signer.keyId(),
                keyCompromised);
    }

    private void create(IssueRequest request) {
        Instant now = clock.instant();
        long id = register.insert(request.caseNumber(), now);
        LocalDate issueDate = LocalDate.ofInstant(now, clock.getZone());

        LicenceIssuers.Codes codes = issuers.forDepartment(request.department());
        LicenceTemplate template = templates.forItem(request.itemCode(), request.itemName());
        String serial = String.format("%d%08d", issueDate.getYear(), id);
        LicenceIdentifier identifier = LicenceIdentifier.of(
                codes.authorityCode() + template.typeNumber(), codes.issuerCode(), serial, VERSION);

        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("identifier", identifier.toString());
        content.put("licenceNumber", "沪" + template.typeNumber() + "-" + serial);
        content.put("name", template.name());
        content.put("type", template.typeName());
        ObjectNode holder = content.putObject("holder");
        holder.put("name", request.applicantName());
        holder.put("idType", "ENTERPRISE".equals(request.applicantType()) ? "统一社会信用代码" : "居民身份证");
        holder.put("idMasked", request.applicantIdMasked());
        ObjectNode issuer = content.putObject("issuer");
        issuer.put("name", issuerName(request));
        issuer.put("code", codes.issuerCode());
        content.put("issueDate", issueDate.toString());
        content.put("validFrom", issueDate.toString());
        content.put("validUntil", issueDate.plus(validity).minusDays(1).toString());
        content.put("caseNumber", request.caseNumber());
        content.put("itemCode", request.itemCode());
        content.put("itemName", request.itemName());

        byte[] canonical = CanonicalJson.bytes(content);
        SigningKeys.Signed signature = keys.sign(canonical);
        register.complete(
                id,
                identifier.toString(),
                new String(canonical, StandardCharsets.UTF_8),
                signature.algorithm(),
                signature.value(),
                signature.keyId());
    }

    private String issuerName(IssueRequest request) {
        if (request.departmentName() != null && !request.departmentName().isBlank()) {
            return request.departmentName();
        }
        return Optional.ofNullable(request.department())
                .flatMap(departments::find)
                .map(Department::name)
                .orElse("上海市人民政府");
    }

    private LicenceDocument document(LicenceRepository.StoredLicence stored) {
        return new LicenceDocument(
                read(stored.content()),
                new Signature(stored.signatureAlgorithm(), stored.keyId(), stored.signature()),
                stored.revokedAt() != null,
                stored.revokedAt(),
                stored.revokeReason());
    }

    private JsonNode read(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("licence register holds unreadable content", e);
        }
    }

    /** The paths (holder.name) whose values differ between two licence contents. */
    private static List<String> differences(JsonNode registered, JsonNode presented) {
        Map<String, JsonNode> a = flatten(registered);
        Map<String, JsonNode> b = flatten(presented);
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        return paths.stream()
                .filter(path -> !java.util.Objects.equals(a.get(path), b.get(path)))
                .toList();
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
