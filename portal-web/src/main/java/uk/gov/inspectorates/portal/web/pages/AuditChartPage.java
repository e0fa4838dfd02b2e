package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.accountability.AccessChartService;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.chart.AccessChartSvg;
import uk.gov.inspectorates.portal.web.chart.ChartCriteria;

/**
 * A SIRO's chart of access over time to a report or an inspection (docs/adr/0035): the SVG inline (no script, and one
 * page view is one audited view), a table of the same figures for screen readers, and links to the SVG and to the PDF
 * report of the same events. Without a report or inspection, the form that asks for one.
 */
@WebServlet("/audit/chart")
public class AuditChartPage extends HttpServlet {

    private static final String TITLE = "Access over time";

    @Inject
    AccessChartService charts;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageModel model = AdminSupport.model(request, TITLE);
        Map<String, String> fields = AdminSupport.fields(request, "report", "inspection", "from", "to");
        model.with("fields", fields);
        if (fields.values().stream().allMatch(String::isBlank)) {
            pages.render(response, 200, "audit-chart", model.asMap());
            return;
        }
        try {
            ChartCriteria.Chart asked = ChartCriteria.chart(request::getParameter);
            AccessOverTime chart = charts.chart(AdminSupport.subject(request), asked.about(), asked.from(),
                    asked.to());
            String query = asked.queryString();
            pages.render(response, 200, "audit-chart", model
                    .with("title", "Access to " + chart.about() + " over time")
                    .with("chart", Map.of("about", chart.about(), "period", chart.periodName(),
                            "events", chart.totalEvents(), "refused", chart.totalRefused(),
                            "anyRefused", chart.totalRefused() > 0, "empty", chart.empty(),
                            "svg", AccessChartSvg.svg(chart, "access-chart"), "rows", rows(chart),
                            "svgHref", "/api/v1/audit/chart.svg?" + encoded(query),
                            "pdfHref", "/api/v1/audit/export.pdf?" + encoded(query)))
                    .asMap());
        } catch (InvalidInput invalid) {
            pages.render(response, 422, "audit-chart", model.errors(Problems.from(invalid)).asMap());
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private static List<Map<String, Object>> rows(AccessOverTime chart) {
        return chart.rows().stream().map(row -> {
            Map<String, Object> line = new HashMap<>();
            line.put("period", row.period());
            line.put("organisation", row.organisation());
            line.put("action", row.action());
            line.put("succeeded", row.succeeded());
            line.put("refused", row.refused());
            line.put("anyRefused", row.refused() > 0);
            return line;
        }).toList();
    }

    /** The query string with each value URL-encoded (ids are checked for shape, but a time carries ':'). */
    private static String encoded(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            out.append(out.length() == 0 ? "" : "&").append(pair, 0, equals + 1)
                    .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
