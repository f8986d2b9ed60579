package cn.govflow.application;

import cn.govflow.ledger.Ledger;
import cn.govflow.ledger.Rating;
import cn.govflow.ledger.RatingChannel;
import cn.govflow.ledger.Ratings;
import cn.govflow.ledger.Timeline;
import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case after the fact, from the ledger: its timeline (also once Camunda's history of it is cleaned up) for
 * supervisors and the case's own parties, and the applicant's 好差评 (R30).
 */
@Tag(name = "办件库与好差评", description = "办件办结后仍可查的时间线（办件库），以及申请人的好差评（R30）")
@RestController
class CaseLedgerController {

    private final CaseDirectory cases;
    private final Ledger ledger;
    private final Ratings ratings;

    CaseLedgerController(CaseDirectory cases, Ledger ledger, Ratings ratings) {
        this.cases = cases;
        this.ledger = ledger;
        this.ratings = ratings;
    }

    record RatingRequest(
            @NotNull(message = "请给出 1 到 5 分的评价")
            @Min(value = 1, message = "评价为 1 到 5 分")
            @Max(value = 5, message = "评价为 1 到 5 分")
            Integer score,

            @Size(max = 1000, message = "评价内容不超过 1000 字") String comment,
            RatingChannel channel) {}

    @Operation(summary = "办件时间线", description = "办件库中的办件、按时间排列的各环节（谁、何时、意见）和评价；办结很久以后也可查。监管人员、办件所在窗口和部门、发起申请的门户可查。")
    @ApiResponse(responseCode = "200", description = "时间线")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/api/applications/{caseNumber}/timeline")
    Timeline timeline(
            @Parameter(description = "办件编号", example = "SH-20260105-YP-000001") @PathVariable String caseNumber,
            @Parameter(hidden = true) Authentication authentication) {
        visible(caseNumber, Caller.of(authentication));
        return ledger.timeline(caseNumber)
                .orElseThrow(() -> ApiException.notFound("caseNumber", "办件 " + caseNumber + " 不在办件库中"));
    }

    /** Once per case, after its result, by whoever speaks for the applicant: the portal that applied, or the window. */
    @Operation(summary = "好差评", description = "每件一次，出结果之后，由发起申请的门户或办件所在区的综合窗口（评价器）提交。1–2 分为差评，启动差评整改（15 个工作日）。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "差评",
                                            value =
                                                    "{\"score\":2,\"comment\":\"窗口等候时间太长，材料要求没有一次说清\",\"channel\":\"PC\"}")))
    @ApiResponse(responseCode = "201", description = "评价已记录")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/applications/{caseNumber}/rating")
    ResponseEntity<Rating> rate(
            @Parameter(description = "办件编号", example = "SH-20260105-YP-000001") @PathVariable String caseNumber,
            @Valid @RequestBody RatingRequest request,
            @Parameter(hidden = true) Authentication authentication) {
        Caller caller = Caller.of(authentication);
        CaseRecord record = visible(caseNumber, caller);
        boolean portal = caller.isIn(Caller.PORTAL) && caller.userId().equals(record.startedBy());
        boolean window = caller.windowDistricts().contains(record.district());
        if (!portal && !window) {
            throw new ApiException(HttpStatus.FORBIDDEN, "caseNumber", "R30", "好差评由申请人通过办理渠道（门户或本区综合窗口的评价器）作出");
        }
        RatingChannel channel =
                request.channel() != null ? request.channel() : window ? RatingChannel.WINDOW : RatingChannel.PC;
        if (channel == RatingChannel.WINDOW && !window) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "channel", "R30", "窗口评价只能在办件所在区的综合窗口作出");
        }
        Rating rating = ratings.rate(caseNumber, request.score(), request.comment(), channel, caller.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(rating);
    }

    private CaseRecord visible(String caseNumber, Caller caller) {
        return cases.find(caseNumber)
                .filter(c -> CaseQueries.maySee(caller, c))
                .orElseThrow(() -> ApiException.notFound("caseNumber", "没有编号为 " + caseNumber + " 的办件"));
    }
}
