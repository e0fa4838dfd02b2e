package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import uk.gov.inspectorates.portal.core.accountability.AccessChartService;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime;
import uk.gov.inspectorates.portal.web.chart.AccessChartSvg;
import uk.gov.inspectorates.portal.web.chart.ChartCriteria;

/**
 * A SIRO's chart of access over time to a report ({@code ?report=}) or an inspection ({@code ?inspection=}), optionally
 * {@code from}/{@code to}, as an SVG image (docs/adr/0035). The same chart is inline on the page {@code /audit/chart}.
 */
@Path("audit/chart.svg")
public class AuditChartResource {

    static final String SVG = "image/svg+xml";

    @Inject
    AccessChartService charts;

    @Inject
    CurrentSubject current;

    @GET
    @Produces(SVG)
    public Response chart(@Context UriInfo uri) {
        ChartCriteria.Chart asked = ChartCriteria.chart(name -> uri.getQueryParameters().getFirst(name));
        AccessOverTime chart = charts.chart(current.get(), asked.about(), asked.from(), asked.to());
        return Response.ok(AccessChartSvg.document(chart), SVG + ";charset=UTF-8")
                .header("Cache-Control", "no-store")
                .build();
    }
}
