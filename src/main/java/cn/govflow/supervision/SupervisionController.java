package cn.govflow.supervision;

import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Suspended delegations: supervisors and admins read them, only camunda-admin lifts one. */
@Tag(name = "监管", description = "下放事项的抽查与暂停（R4）")
@RestController
@RequestMapping("/api/supervision/suspensions")
class SupervisionController {

    private final DelegationSuspensions suspensions;

    SupervisionController(DelegationSuspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Operation(summary = "列出被暂停的下放审批权限", description = "抽查发现问题后暂停的事项与区；监管人员（supervisor）和系统管理员可查。")
    @ApiResponse(
            responseCode = "200",
            description = "仍在暂停中的下放权限",
            content =
                    @Content(
                            mediaType = "application/json",
                            array =
                                    @io.swagger.v3.oas.annotations.media.ArraySchema(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = DelegationSuspensions.Suspension.class))))
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @GetMapping
    ResponseEntity<?> active(@Parameter(hidden = true) Authentication caller) {
        if (!Authorities.isMember(caller, Groups.ADMIN) && !Authorities.isMember(caller, Groups.SUPERVISOR)) {
            return problem(HttpStatus.FORBIDDEN, "只有监管人员和系统管理员可以查看暂停的下放权限", null);
        }
        List<DelegationSuspensions.Suspension> active = suspensions.active();
        return ResponseEntity.ok(active);
    }

    @Operation(summary = "恢复一个区的下放审批权限", description = "只有系统管理员（camunda-admin）可以恢复。")
    @ApiResponse(responseCode = "204", description = "已恢复", content = @Content)
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @DeleteMapping("/{itemCode}/{district}")
    ResponseEntity<?> lift(
            @Parameter(description = "事项编号", example = "2022-DI-026") @PathVariable String itemCode,
            @Parameter(description = "区的拼音代码", example = "chongming") @PathVariable String district,
            @Parameter(hidden = true) Authentication caller) {
        if (!Authorities.isMember(caller, Groups.ADMIN)) {
            return problem(HttpStatus.FORBIDDEN, "只有系统管理员（camunda-admin）可以恢复下放审批权限", null);
        }
        if (!suspensions.lift(itemCode, district, caller.getName())) {
            return problem(HttpStatus.NOT_FOUND, "事项 " + itemCode + " 在 " + district + " 没有被暂停的下放审批权限", "itemCode");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("rule", "R4");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
