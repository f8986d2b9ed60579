package cn.govflow.ledger;

import cn.govflow.calendar.WorkdayCalendar;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report as one printable HTML page: the paragraph of 004 §二 with this year's figures, the table of every
 * figure, a bar chart of applications per department and a line of applications per month. Inline SVG and
 * CSS only — no script, nothing loaded from elsewhere — so it prints and archives as it is.
 */
final class AnnualReportPage {

    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkdayCalendar.ZONE);

    private AnnualReportPage() {}

    static String render(AnnualReport report) {
        AnnualReport.Figures f = report.figures();
        String title = AnnualReportCsv.scopeName(report) + " " + report.year() + " 年度行政许可实施情况";
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>""").append(esc(title)).append("""
                </title>
                <style>
                  body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                         margin: 2em auto; max-width: 60em; color: #222; line-height: 1.6; }
                  h1 { font-size: 1.5em; text-align: center; }
                  h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin-top: 1.6em; }
                  table { border-collapse: collapse; width: 100%; }
                  th, td { border: 1px solid #bbb; padding: .25em .6em; }
                  td.n { text-align: right; font-variant-numeric: tabular-nums; }
                  .meta { color: #666; font-size: .9em; text-align: center; }
                  .ok { color: #1a7f37; } .bad { color: #c62828; font-weight: bold; }
                  svg text { font-size: 12px; fill: #333; }
                  @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
                                 figure, table { page-break-inside: avoid; } }
                </style>
                </head>
                <body>
                """);
        html.append("<h1>").append(esc(title)).append("</h1>\n");
        html.append("<p class=\"meta\">数据来源：govflow 办件库 · 生成于 ")
                .append(GENERATED.format(report.generatedAt()))
                .append(" · 按申请年度统计</p>\n");

        html.append("<h2>一、行政许可办理情况</h2>\n<p>")
                .append(report.year())
                .append(" 年")
                .append(esc(AnnualReportCsv.scopeName(report)))
                .append("行政许可事项办理情况如下：申请 ")
                .append(f.applications())
                .append(" 件，其中，受理 ")
                .append(f.accepted())
                .append(" 件，不予受理 ")
                .append(f.notAccepted())
                .append(" 件，批准 ")
                .append(f.approved())
                .append(" 件，不予批准 ")
                .append(f.notApproved())
                .append(" 件；网上受理 ")
                .append(f.acceptedOnline())
                .append(" 件，全程网办 ")
                .append(f.fullyOnline())
                .append(" 件，告知承诺 ")
                .append(f.commitment())
                .append(" 件，当场办结 ")
                .append(f.onTheSpot())
                .append(" 件，按期办结 ")
                .append(f.onTime())
                .append(" 件，超期办结 ")
                .append(f.overdue())
                .append(" 件；收费办件 ")
                .append(f.feeCases())
                .append(" 件，收费金额 ")
                .append(f.feeTotal().stripTrailingZeros().toPlainString())
                .append(" 元。");
        if (f.licenceReplacedPaperRate() != null) {
            html.append("窗口受理用证免交比率达 ")
                    .append(f.licenceReplacedPaperRate().toPlainString())
                    .append("%。");
        }
        html.append("</p>\n");

        html.append("<h2>二、指标明细</h2>\n<table>\n<thead><tr><th>指标</th><th>数值</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Object> e : f.asMap().entrySet()) {
            html.append("<tr><td>")
                    .append(esc(AnnualReport.Figures.LABELS.get(e.getKey())))
                    .append("</td><td class=\"n\">")
                    .append(e.getValue() == null ? "—" : esc(number(e.getValue())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append(
                "<h2>三、核对</h2>\n<table>\n<thead><tr><th>等式</th><th>左</th><th>右</th><th>结果</th></tr></thead>\n<tbody>\n");
        for (AnnualReport.Reconciliation r : report.reconciliation()) {
            html.append("<tr><td>")
                    .append(esc(r.rule()))
                    .append("</td><td class=\"n\">")
                    .append(r.left())
                    .append("</td><td class=\"n\">")
                    .append(r.right())
                    .append("</td><td class=\"")
                    .append(r.holds() ? "ok\">相符" : "bad\">不符")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<h2>四、各部门申请件数</h2>\n");
        html.append(departmentBars(report.byDepartment()));
        html.append("<h2>五、逐月申请件数</h2>\n");
        html.append(monthLine(report.year(), report.byMonth()));

        AnnualReport.Ratings ratings = report.ratings();
        html.append("<h2>六、政务服务“好差评”</h2>\n<p>收到评价 ").append(ratings.count()).append(" 件");
        if (ratings.count() > 0) {
            html.append("，平均 ")
                    .append(ratings.average().toPlainString())
                    .append(" 分；好评（4–5 分）")
                    .append(ratings.good())
                    .append(" 件，中评 ")
                    .append(ratings.neutral())
                    .append(" 件，差评（1–2 分）")
                    .append(ratings.bad())
                    .append(" 件，已整改 ")
                    .append(ratings.rectified())
                    .append(" 件，整改中 ")
                    .append(ratings.rectificationOpen())
                    .append(" 件");
        }
        html.append("。</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Horizontal bars, one per department, longest first. */
    static String departmentBars(List<AnnualReport.DepartmentFigures> departments) {
        if (departments.isEmpty()) {
            return "<p>本年度没有办件。</p>\n";
        }
        int labelWidth = 220;
        int barWidth = 480;
        int rowHeight = 24;
        long max = departments.stream()
                .mapToLong(d -> d.figures().applications())
                .max()
                .orElse(1);
        int height = departments.size() * rowHeight + 10;
        StringBuilder svg = new StringBuilder("<figure><svg role=\"img\" aria-label=\"各部门申请件数\" width=\"")
                .append(labelWidth + barWidth + 90)
                .append("\" height=\"")
                .append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 5;
        for (AnnualReport.DepartmentFigures d : departments) {
            long n = d.figures().applications();
            int w = max == 0 ? 0 : (int) Math.max(1, Math.round((double) n / max * barWidth));
            svg.append("<text x=\"")
                    .append(labelWidth - 8)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" text-anchor=\"end\">")
                    .append(esc(d.name()))
                    .append("</text>")
                    .append("<rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"")
                    .append(rowHeight - 8)
                    .append("\" fill=\"#3f6fb5\"/>")
                    .append("<text x=\"")
                    .append(labelWidth + w + 6)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\">")
                    .append(n)
                    .append("</text>\n");
            y += rowHeight;
        }
        return svg.append("</svg><figcaption>各部门申请件数（件）</figcaption></figure>\n")
                .toString();
    }

    /** A line through the twelve months' applications, with the axis labelled 1月 … 12月. */
    static String monthLine(int year, List<AnnualReport.MonthFigures> months) {
        int left = 70;
        int top = 20;
        int width = 600;
        int height = 220;
        long max = Math.max(
                1,
                months.stream().mapToLong(m -> m.figures().applications()).max().orElse(1));
        StringBuilder svg = new StringBuilder("<figure><svg role=\"img\" aria-label=\"逐月申请件数\" width=\"")
                .append(left + width + 30)
                .append("\" height=\"")
                .append(top + height + 40)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append("<line x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(top + height)
                .append("\" x2=\"")
                .append(left + width)
                .append("\" y2=\"")
                .append(top + height)
                .append("\" stroke=\"#555\"/>")
                .append("<line x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(top)
                .append("\" x2=\"")
                .append(left)
                .append("\" y2=\"")
                .append(top + height)
                .append("\" stroke=\"#555\"/>\n");
        svg.append("<text x=\"")
                .append(left - 6)
                .append("\" y=\"")
                .append(top + 4)
                .append("\" text-anchor=\"end\">")
                .append(max)
                .append("</text><text x=\"")
                .append(left - 6)
                .append("\" y=\"")
                .append(top + height)
                .append("\" text-anchor=\"end\">0</text>\n");
        StringBuilder points = new StringBuilder();
        double step = width / 11.0;
        for (int i = 0; i < months.size(); i++) {
            AnnualReport.MonthFigures m = months.get(i);
            double x = left + i * step;
            double y = top + height - (double) m.figures().applications() / max * height;
            points.append(String.format("%.1f,%.1f ", x, y));
            svg.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0392b\"/>", x, y))
                    .append(String.format(
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d月</text>%n",
                            x, top + height + 18, m.month()));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim())
                .append("\"/>\n");
        return svg.append("</svg><figcaption>")
                .append(year)
                .append(" 年逐月申请件数（件）</figcaption></figure>\n")
                .toString();
    }

    private static String number(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
