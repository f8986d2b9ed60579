package cn.govflow.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case intake over REST for the 一网通办 portal and the windows: {@code POST /api/applications} starts a case,
 * {@code GET /api/applications/{caseNumber}} shows where it stands.
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IntakeService intake;
    private final CaseQueries queries;
    private final Validator validator;

    ApplicationController(IntakeService intake, CaseQueries queries, Validator validator) {
        this.intake = intake;
        this.queries = queries;
        this.validator = validator;
    }

    /** 201 with the new case; 200 with the earlier case when the Idempotency-Key and the body repeat. */
    @PostMapping
    ResponseEntity<ApplicationAnswer> start(@RequestBody ApplicationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        // Who may start comes before the shape of the body: a caller without the right learns nothing more.
        intake.checkMayStart(caller, null);
        Set<ConstraintViolation<ApplicationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new cn.govflow.system.ApiException(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY, "Size",
                    "Idempotency-Key 最长 200 个字符");
        }
        IntakeService.Started started = intake.start(request, caller, key);
        ApplicationAnswer answer = ApplicationAnswer.of(started.record());
        URI location = URI.create("/api/applications/" + started.record().caseNumber());
        return started.created() ? ResponseEntity.created(location).body(answer)
                : ResponseEntity.ok().location(location).body(answer);
    }

    /** 办件查询 for supervisors and the Cockpit plugin: the cases the caller may see that match every filter given. */
    @GetMapping
    List<CaseSummary> search(@RequestParam(required = false) String caseNumber,
            @RequestParam(required = false) String item, @RequestParam(required = false) String district,
            @RequestParam(required = false) String applicant, @RequestParam(defaultValue = "50") int limit,
            Authentication authentication) {
        return queries.search(caseNumber, item, district, applicant, limit, Caller.of(authentication));
    }

    @GetMapping("/{caseNumber}")
    CaseView find(@PathVariable String caseNumber, Authentication authentication) {
        return queries.find(caseNumber, Caller.of(authentication));
    }

    record ApplicationAnswer(String caseNumber, cn.govflow.catalog.HandlingMode mode, String processInstanceId,
            Voucher voucher, LocalDate acceptanceDecisionExpectedBy) {

        static ApplicationAnswer of(CaseRecord record) {
            return new ApplicationAnswer(record.caseNumber(), record.mode(), record.processInstanceId(),
                    Voucher.of(record), record.acceptanceExpectedBy());
        }
    }
}
