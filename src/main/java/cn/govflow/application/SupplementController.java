package cn.govflow.application;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.ContractElements;
import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 补正: the applicant's missing materials arrive, through the portal that started the case or at the window of
 * its district (R28), and the case waiting in 补正 goes on ({@code Message_MaterialsSupplemented}).
 */
@Tag(name = "办件")
@RestController
class SupplementController {

    private final CaseDirectory cases;
    private final RuntimeService runtime;
    private final Clock clock;

    SupplementController(CaseDirectory cases, RuntimeService runtime, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.runtime = runtime;
    }

    record Supplement(@NotEmpty(message = "至少补正一项材料") List<@NotBlank String> materials, String note) {}

    record Supplemented(String caseNumber, List<String> materials, OffsetDateTime supplementedAt) {}

    @Operation(summary = "补正材料", description = "申请人通过原申请渠道（发起申请的门户，或办件所在区的综合窗口）补齐材料（R28）；办件回到要求补正的环节。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "补正",
                                            value = "{\"materials\":[\"犬只近期照片\"],\"note\":\"已补拍清晰正面照片\"}")))
    @ApiResponse(responseCode = "200", description = "补正已送达办件")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/applications/{caseNumber}/supplements")
    @Transactional
    Supplemented supplement(
            @Parameter(description = "办件编号", example = "SH-20260105-YP-000001") @PathVariable String caseNumber,
            @Valid @RequestBody Supplement supplement,
            @Parameter(hidden = true) Authentication authentication) {
        Caller caller = Caller.of(authentication);
        CaseRecord record = cases.find(caseNumber)
                .filter(c -> CaseQueries.maySee(caller, c))
                .orElseThrow(() -> ApiException.notFound("caseNumber", "没有编号为 " + caseNumber + " 的办件"));
        boolean applicantsChannel =
                (caller.isIn(Caller.PORTAL) && caller.userId().equals(record.startedBy()))
                        || caller.windowDistricts().contains(record.district());
        if (!applicantsChannel) {
            throw new ApiException(HttpStatus.FORBIDDEN, "caseNumber", "R28", "补正材料由申请人通过原申请渠道（门户或本区综合窗口）提交");
        }
        List<String> received = new ArrayList<>();
        Object earlier = record.processInstanceId() == null
                ? null
                : runtime
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(record.processInstanceId())
                        .variableName(CaseVariables.MATERIALS_RECEIVED)
                        .list()
                        .stream()
                        .findFirst()
                        .map(v -> v.getValue())
                        .orElse(null);
        if (earlier != null && !earlier.toString().isBlank()) {
            received.add(earlier.toString());
        }
        supplement.materials().forEach(m -> received.add(m.strip() + "（补正）"));
        // Nothing waiting for a supplement is a 409 (MismatchingMessageCorrelationException, ApiExceptionHandler).
        runtime.createMessageCorrelation(ContractElements.MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(caseNumber)
                .setVariable(CaseVariables.MATERIALS_RECEIVED, String.join("\n", received))
                .correlateWithResult();
        return new Supplemented(caseNumber, supplement.materials(), OffsetDateTime.now(clock));
    }
}
