package cn.govflow.system;

import jakarta.validation.ConstraintViolation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A caller's mistake that the API answers with a ProblemDetail naming the field and the rule, e.g.
 * {@code throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "district", "R4", "事项未下放至该区")}.
 * Extra properties (e.g. {@code missingMaterials}) travel into the ProblemDetail as they are.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String rule;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String field, String rule, String detail) {
        this(status, field, rule, detail, Map.of());
    }

    public ApiException(HttpStatus status, String field, String rule, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.field = field;
        this.rule = rule;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The rule a Bean Validation violation broke: the constraint's own {@code rule} attribute (GB11643), else its name. */
    public static String ruleOf(ConstraintViolation<?> violation) {
        Object rule = violation.getConstraintDescriptor().getAttributes().get("rule");
        if (rule instanceof String text && !text.isBlank()) {
            return text;
        }
        return violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
    }

    public static ApiException notFound(String field, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, field, "exists", detail);
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field at fault (JSON path like {@code applicant.idNumber}), or {@code null}. */
    public String field() {
        return field;
    }

    /** The rule broken: a rule id of docs/domain.md ({@code R4}) or a technical rule ({@code GB11643}, {@code NotNull}). */
    public String rule() {
        return rule;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
