package cn.govflow.ledger;

import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.catalog.District;
import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import cn.govflow.system.ApiException;
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
@RestController
class ReportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AnnualReports reports;
    private final DepartmentDirectory departments;

    ReportController(AnnualReports reports, DepartmentDirectory departments) {
        this.reports = reports;
        this.departments = departments;
    }

    @GetMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReport json(@RequestParam(required = false) String year, @RequestParam(required = false) String district,
            @RequestParam(required = false) String department, Authentication authentication) {
        return report(year, district, department, authentication);
    }

    @GetMapping(path = "/api/reports/annual", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String year,
            @RequestParam(required = false) String district, @RequestParam(required = false) String department,
            Authentication authentication) {
        AnnualReport report = report(year, district, department, authentication);
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(report) + ".csv\"")
                .body(AnnualReportCsv.render(report));
    }

    @GetMapping(path = "/api/reports/annual.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@RequestParam(required = false) String year,
            @RequestParam(required = false) String district, @RequestParam(required = false) String department,
            Authentication authentication) {
        AnnualReport report = report(year, district, department, authentication);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
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
            throw new ApiException(HttpStatus.BAD_REQUEST, "district", "exists", "没有代码为 " + d + " 的区",
                    Map.of("allowed", java.util.Arrays.stream(District.values()).map(District::code).toList()));
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
