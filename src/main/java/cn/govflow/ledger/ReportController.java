package cn.govflow.ledger;

import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.catalog.District;
import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual licensing report (R32) for supervisors: {@code GET /api/reports/annual?year=2023&district=yangpu}
 * (or {@code department=}, or neither for the whole city) as JSON, as CSV with {@code Accept: text/csv}, and as a
 * printable page at {@code /api/reports/annual.html}.
 */
@Tag(name = "年度报告", description = "行政许可年度报告（R32），供审改办（supervisor）和管理员查阅")
@RestController
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AnnualReports reports;
    private final DepartmentDirectory departments;

    ReportController(AnnualReports reports, DepartmentDirectory departments) {
        this.reports = reports;
        this.departments = departments;
    }

    @Operation(
            summary = "年度报告（JSON 或 CSV）",
            description = "R32 的全部数字；Accept: text/csv 得到同样数字的 CSV（UTF-8 带 BOM）。一件办件计入其申请的年度。")
    @ApiResponse(
            responseCode = "200",
            description = "年度报告",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = AnnualReport.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @GetMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReport json(
            @Parameter(description = "报告年度（2000–2100）", example = "2023") @RequestParam(required = false) String year,
            @Parameter(description = "区的拼音代码；不填为全市", example = "yangpu") @RequestParam(required = false)
                    String district,
            @Parameter(description = "部门代码；只看该部门", example = "public-security") @RequestParam(required = false)
                    String department,
            @Parameter(hidden = true) Authentication authentication) {
        return report(year, district, department, authentication);
    }

    @Hidden // described with the JSON variant: one operation, two content types
    @GetMapping(path = "/api/reports/annual", produces = "text/csv")
    ResponseEntity<String> csv(
            @Parameter(description = "报告年度（2000–2100）", example = "2023") @RequestParam(required = false) String year,
            @Parameter(description = "区的拼音代码；不填为全市", example = "yangpu") @RequestParam(required = false)
                    String district,
            @Parameter(description = "部门代码；只看该部门", example = "public-security") @RequestParam(required = false)
                    String department,
            @Parameter(hidden = true) Authentication authentication) {
        AnnualReport report = report(year, district, department, authentication);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + ".csv\"")
                .body(AnnualReportCsv.render(report));
    }

    @Operation(summary = "年度报告（可打印的中文页面）", description = "004 §二 的段落、表格、勾稽关系、各部门柱状图和月度折线（内嵌 SVG，无脚本）。")
    @ApiResponse(responseCode = "200", description = "HTML 页面")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @GetMapping(path = "/api/reports/annual.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(
            @Parameter(description = "报告年度（2000–2100）", example = "2023") @RequestParam(required = false) String year,
            @Parameter(description = "区的拼音代码；不填为全市", example = "yangpu") @RequestParam(required = false)
                    String district,
            @Parameter(description = "部门代码；只看该部门", example = "public-security") @RequestParam(required = false)
                    String department,
            @Parameter(hidden = true) Authentication authentication) {
        AnnualReport report = report(year, district, department, authentication);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(AnnualReportPage.render(report));
    }

    private AnnualReport report(String year, String district, String department, Authentication authentication) {
        if (!Authorities.isMember(authentication, Groups.SUPERVISOR)
                && !Authorities.isMember(authentication, Groups.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "R32", "年度报告仅供审改办（supervisor）和管理员查阅");
        }
        int y = year(year);
        String d = blankToNull(district);
        if (d != null && District.fromCode(d).isEmpty()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "district",
                    "exists",
                    "没有代码为 " + d + " 的区",
                    Map.of(
                            "allowed",
                            java.util.Arrays.stream(District.values())
                                    .map(District::code)
                                    .toList()));
        }
        String dept = blankToNull(department);
        if (dept != null && departments.find(dept).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "department", "exists", "没有代码为 " + dept + " 的部门");
        }
        return reports.report(y, d, dept);
    }

    private static int year(String year) {
        if (year == null || year.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "year", "required", "请给出报告年度，例如 year=2023");
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "year", "range", "报告年度应为 2000 到 2100 之间的年份：" + year);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String fileName(AnnualReport report) {
        return "annual-report-" + report.year() + (report.district() == null ? "" : "-" + report.district())
                + (report.department() == null ? "" : "-" + report.department());
    }
}
