package cn.govflow.catalog;

import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over REST: {@code GET /api/items} with filters, {@code GET /api/items/{code}}. */
@Tag(name = "事项目录", description = "沪府办字〔2022〕16号 的事项：办理方式、承办部门、业务情形与材料、下放范围和受托收件区")
@RestController
@RequestMapping("/api/items")
class ItemController {

    private final CatalogService catalog;

    ItemController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Operation(
            summary = "查询事项",
            description = "按办理方式、承办部门、区和名称关键字筛选。district 对全程网办事项处处适用，对下放事项看下放范围（含新城），对委托收件事项看受托收件区。任何登录用户可查。")
    @ApiResponse(responseCode = "200", description = "符合条件的事项（可能为空）")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @GetMapping
    List<ItemSummary> search(
            @Parameter(description = "办理方式", example = "DELEGATED") @RequestParam(required = false) HandlingMode mode,
            @Parameter(description = "承办部门代码（config/catalog/departments.yaml）", example = "public-security")
                    @RequestParam(required = false)
                    String department,
            @Parameter(description = "区的拼音代码", example = "yangpu") @RequestParam(required = false) String district,
            @Parameter(description = "事项名称关键字", example = "养犬") @RequestParam(required = false) String q) {
        District inDistrict = null;
        if (district != null && !district.isBlank()) {
            inDistrict = District.fromCode(district)
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.BAD_REQUEST,
                            "district",
                            "district",
                            "未知的区 '" + district + "'（用拼音代码，如 pudong、yangpu）"));
        }
        String departmentCode = department == null || department.isBlank() ? null : department;
        return catalog.search(mode, departmentCode, inDistrict, q).stream()
                .map(ItemSummary::of)
                .toList();
    }

    @Operation(summary = "查看一个事项及其办理方案", description = "业务情形、每种情形的材料（哪些可用电子证照免交）、下放范围或受托收件区、承诺时限。")
    @ApiResponse(responseCode = "200", description = "事项")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/{code}")
    ItemDetail find(@Parameter(description = "事项编号", example = "2022-FO-004") @PathVariable String code) {
        return catalog.find(code)
                .map(ItemDetail::of)
                .orElseThrow(() -> ApiException.notFound("code", "没有编号为 " + code + " 的事项"));
    }

    record DepartmentView(String code, String name) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.name());
        }
    }

    record ItemSummary(
            String code,
            String name,
            HandlingMode mode,
            String modeName,
            DepartmentView department,
            Set<ApplicantType> applicantTypes,
            Set<Channel> channels) {
        static ItemSummary of(CatalogItem i) {
            return new ItemSummary(
                    i.code(),
                    i.name(),
                    i.mode(),
                    i.mode().displayName(),
                    DepartmentView.of(i.department()),
                    i.applicantTypes(),
                    i.channels());
        }
    }

    record ScopeView(List<String> districts, List<String> newTowns) {}

    record DelegationView(
            String content,
            ScopeView scope,
            String receivingDepartment,
            List<String> supervisionMeasures,
            boolean escalationAllowed) {}

    record ReceiversView(boolean allDistricts, List<String> districts, String name) {}

    record EntrustedView(
            ReceiversView receivers, String receiptContent, AcceptanceAt acceptanceAt, boolean paperMaterials) {}

    record ItemDetail(
            String code,
            int seq,
            String name,
            HandlingMode mode,
            String modeName,
            DepartmentView department,
            Set<ApplicantType> applicantTypes,
            Set<Channel> channels,
            int promisedDays,
            boolean commitmentAllowed,
            boolean onTheSpotAllowed,
            boolean receiptIsAcceptance,
            ResultType resultType,
            String licenceName,
            BigDecimal fee,
            ClockStart clockStartsAt,
            VoucherIssuer voucherIssuedBy,
            List<Situation> situations,
            DelegationView delegation,
            EntrustedView entrustedReceipt,
            List<String> corrections) {

        static ItemDetail of(CatalogItem i) {
            DelegationView delegation = i.delegation() == null
                    ? null
                    : new DelegationView(
                            i.delegation().content(),
                            new ScopeView(
                                    codes(i.delegation().scope().districts().stream()
                                            .map(District::code)),
                                    codes(i.delegation().scope().newTowns().stream()
                                            .map(NewTown::code))),
                            i.delegation().receivingDepartment(),
                            i.delegation().supervisionMeasures(),
                            i.delegation().escalationAllowed());
            EntrustedView entrusted = i.entrustedReceipt() == null
                    ? null
                    : new EntrustedView(
                            new ReceiversView(
                                    i.entrustedReceipt().receivers().allDistricts(),
                                    codes(i.entrustedReceipt().receivers().districts().stream()
                                            .map(District::code)),
                                    i.entrustedReceipt().receivers().name()),
                            i.entrustedReceipt().receiptContent(),
                            i.entrustedReceipt().acceptanceAt(),
                            i.entrustedReceipt().paperMaterials());
            return new ItemDetail(
                    i.code(),
                    i.seq(),
                    i.name(),
                    i.mode(),
                    i.mode().displayName(),
                    DepartmentView.of(i.department()),
                    i.applicantTypes(),
                    i.channels(),
                    i.promisedDays(),
                    i.commitmentAllowed(),
                    i.onTheSpotAllowed(),
                    i.receiptIsAcceptance(),
                    i.resultType(),
                    i.licenceName(),
                    i.fee(),
                    i.clockStartsAt(),
                    i.voucherIssuedBy(),
                    i.situations(),
                    delegation,
                    entrusted,
                    i.corrections());
        }

        private static List<String> codes(java.util.stream.Stream<String> codes) {
            return codes.sorted().collect(Collectors.toList());
        }
    }
}
