package cn.govflow.ledger;

import java.util.Map;

/**
 * The report as CSV (UTF-8 with BOM, so that Excel shows the Chinese): a header of figure names, then one line
 * for the total, one per department and one per month, each with every figure.
 */
final class AnnualReportCsv {

    private AnnualReportCsv() {}

    static String render(AnnualReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("scope,code,name");
        AnnualReport.Figures.LABELS.keySet().forEach(key -> csv.append(',').append(key));
        csv.append("\r\n");
        csv.append("范围,代码,名称");
        AnnualReport.Figures.LABELS.values().forEach(label -> csv.append(',').append(quote(label)));
        csv.append("\r\n");
        line(csv, "total", scopeCode(report), scopeName(report), report.figures());
        for (AnnualReport.DepartmentFigures d : report.byDepartment()) {
            line(csv, "department", d.department(), d.name(), d.figures());
        }
        for (AnnualReport.MonthFigures m : report.byMonth()) {
            line(csv, "month", String.format("%d-%02d", report.year(), m.month()), m.month() + "月", m.figures());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String scope, String code, String name, AnnualReport.Figures f) {
        csv.append(scope).append(',').append(quote(code)).append(',').append(quote(name));
        for (Map.Entry<String, Object> e : f.asMap().entrySet()) {
            csv.append(',').append(e.getValue() == null ? "" : e.getValue().toString());
        }
        csv.append("\r\n");
    }

    static String scopeCode(AnnualReport report) {
        return report.department() != null
                ? report.department()
                : report.district() != null ? report.district() : "shanghai";
    }

    static String scopeName(AnnualReport report) {
        String place = report.districtName() != null ? report.districtName() : "上海市";
        return report.departmentName() != null ? place + " " + report.departmentName() : place;
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
