package cn.govflow.transfer;

import cn.govflow.security.Authorities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications/{caseNumber}/paper-arrived}: the city department confirms that the paper materials
 * of an entrusted-receipt case arrived (R3, R21). 200 with the confirmation; 403 for anyone outside
 * {@code city-<department>} of the case; 404 for an unknown case; 409 when the case waits for no paper.
 */
@Tag(name = "办件")
@RestController
class PaperArrivalController {

    private final PaperArrivals arrivals;

    PaperArrivalController(PaperArrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Operation(summary = "确认纸质材料已送达", description = "委托收件事项：市级部门（city-<部门>）确认受托区转来的纸质材料已到（R3、R21）。")
    @ApiResponse(responseCode = "200", description = "已确认")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/applications/{caseNumber}/paper-arrived")
    PaperArrivals.PaperArrival confirm(
            @Parameter(description = "办件编号", example = "SH-20260105-YP-000001") @PathVariable String caseNumber,
            @Parameter(hidden = true) Authentication caller) {
        return arrivals.confirm(caseNumber, caller.getName(), Authorities.groupsOf(caller));
    }
}
