package cn.govflow.supervision;

import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
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
@RestController
@RequestMapping("/api/supervision/suspensions")
class SupervisionController {

    private final DelegationSuspensions suspensions;

    SupervisionController(DelegationSuspensions suspensions) {
        this.suspensions = suspensions;
    }

    @GetMapping
    ResponseEntity<?> active(Authentication caller) {
        if (!Authorities.isMember(caller, Groups.ADMIN) && !Authorities.isMember(caller, Groups.SUPERVISOR)) {
            return problem(HttpStatus.FORBIDDEN, "只有监管人员和系统管理员可以查看暂停的下放权限", null);
        }
        List<DelegationSuspensions.Suspension> active = suspensions.active();
        return ResponseEntity.ok(active);
    }

    @DeleteMapping("/{itemCode}/{district}")
    ResponseEntity<?> lift(@PathVariable String itemCode, @PathVariable String district, Authentication caller) {
        if (!Authorities.isMember(caller, Groups.ADMIN)) {
            return problem(HttpStatus.FORBIDDEN, "只有系统管理员（camunda-admin）可以恢复下放审批权限", null);
        }
        if (!suspensions.lift(itemCode, district, caller.getName())) {
            return problem(HttpStatus.NOT_FOUND, "事项 " + itemCode + " 在 " + district + " 没有被暂停的下放审批权限",
                    "itemCode");
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
