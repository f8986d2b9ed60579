package cn.govflow.application;

import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "办件", description = "申请（收件）、查询进度、补正；一网通办总门户和各区综合窗口调用")
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IntakeService intake;
    private final CaseQueries queries;
    private final Validator validator;
    private final GovflowMetrics metrics;

    ApplicationController(IntakeService intake, CaseQueries queries, Validator validator, GovflowMetrics metrics) {
        this.intake = intake;
        this.queries = queries;
        this.validator = validator;
        this.metrics = metrics;
    }

    /** 201 with the new case; 200 with the earlier case when the Idempotency-Key and the body repeat. */
    @Operation(summary = "申请办件（收件）", description = """
            一网通办总门户（portal）或本区综合窗口（window-<区>）为一位申请人申请一个事项。先按事项目录检查：\
            下放范围（R4）、受托收件区（R5）、告知承诺（R29）、材料是否齐全（R11，缺件一次列全）、免交材料（R8），\
            通过后建立办件并启动该办理方式的流程。同一 Idempotency-Key 和相同请求体再次提交，应答第一次建立的办件（200）。""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "全程网办：养犬登记证补证", value = ApplicationExamples.FULL_ONLINE),
                                @ExampleObject(name = "下放事项：企业在崇明区申请", value = ApplicationExamples.DELEGATED)
                            }))
    @ApiResponse(
            responseCode = "201",
            description = "已建立办件；Location 为其地址",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = ApplicationAnswer.class),
                            examples = @ExampleObject(name = "已收件", value = ApplicationExamples.ANSWER)))
    @ApiResponse(responseCode = "200", description = "相同 Idempotency-Key 的重复提交：第一次建立的办件")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "UnprocessableEntity")
    @ApiResponse(responseCode = "503", ref = "ServiceUnavailable")
    @PostMapping
    ResponseEntity<ApplicationAnswer> start(
            @RequestBody ApplicationRequest request,
            @Parameter(
                            description = "幂等键（最长 200 字符）：网络重试时用同一个键，不会重复建立办件",
                            example = "portal-7f1c2a9e-0b3d-4c55-9a61-1f0e2d3c4b5a")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            @Parameter(hidden = true) Authentication authentication) {
        try {
            return startCase(request, idempotencyKey, authentication);
        } catch (ApiException e) {
            metrics.intakeRefused(e.rule());
            throw e;
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().stream()
                    .map(ApiException::ruleOf)
                    .distinct()
                    .forEach(metrics::intakeRefused);
            throw e;
        }
    }

    private ResponseEntity<ApplicationAnswer> startCase(
            ApplicationRequest request, String idempotencyKey, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        // Who may start comes before the shape of the body: a caller without the right learns nothing more.
        intake.checkMayStart(caller, null);
        Set<ConstraintViolation<ApplicationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY, "Size", "Idempotency-Key 最长 200 个字符");
        }
        IntakeService.Started started = intake.start(request, caller, key);
        CaseRecord record = started.record();
        ApplicationAnswer answer = ApplicationAnswer.of(record);
        URI location = URI.create("/api/applications/" + record.caseNumber());
        if (!started.created()) {
            return ResponseEntity.ok().location(location).body(answer);
        }
        metrics.caseStarted(
                record.mode().name(), record.district(), record.channel().name());
        return ResponseEntity.created(location).body(answer);
    }

    @Operation(
            summary = "办件查询",
            description =
                    "按办件编号（部分）、事项（名称或编码）、区、申请人姓名（部分）查询办件，" + "只返回当前用户可查看的办件，按申请时间倒序。监管人员可查全部；窗口查本区，部门查本部门，门户查自己发起的。")
    @ApiResponse(responseCode = "200", description = "匹配的办件（最多 limit 条）")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @GetMapping
    List<CaseSummary> search(
            @Parameter(description = "办件编号（部分匹配）", example = "SH-20260105-YP") @RequestParam(required = false)
                    String caseNumber,
            @Parameter(description = "事项名称或编码", example = "2022-FO-004") @RequestParam(required = false) String item,
            @Parameter(description = "区（拼音）", example = "yangpu") @RequestParam(required = false) String district,
            @Parameter(description = "申请人姓名（部分匹配）", example = "张") @RequestParam(required = false) String applicant,
            @Parameter(description = "最多返回条数（1–200）", example = "50") @RequestParam(defaultValue = "50") int limit,
            @Parameter(hidden = true) Authentication authentication) {
        return queries.search(caseNumber, item, district, applicant, limit, Caller.of(authentication));
    }

    @Operation(summary = "查询办件进度", description = "办理方式、状态、当前环节和时间线。监管人员、办件所在窗口和部门、发起申请的门户可查，其他人得到 404。")
    @ApiResponse(responseCode = "200", description = "办件")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{caseNumber}")
    CaseView find(
            @Parameter(description = "办件编号", example = "SH-20260105-YP-000001") @PathVariable String caseNumber,
            @Parameter(hidden = true) Authentication authentication) {
        return queries.find(caseNumber, Caller.of(authentication));
    }

    record ApplicationAnswer(
            String caseNumber,
            cn.govflow.catalog.HandlingMode mode,
            String processInstanceId,
            Voucher voucher,
            LocalDate acceptanceDecisionExpectedBy) {

        static ApplicationAnswer of(CaseRecord record) {
            return new ApplicationAnswer(
                    record.caseNumber(),
                    record.mode(),
                    record.processInstanceId(),
                    Voucher.of(record),
                    record.acceptanceExpectedBy());
        }
    }
}
