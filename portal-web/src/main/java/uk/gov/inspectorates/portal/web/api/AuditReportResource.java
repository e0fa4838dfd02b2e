package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.gov.inspectorates.portal.core.accountability.AuditReportService;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;

/**
 * A SIRO's report of the trail as a PDF (docs/adr/0035), with the search's criteria as query parameters (person,
 * organisation, report, inspection, action, outcome, from, to, downloadId). The document is made in full before a byte
 * is sent (at most 10,000 events, a few MB), so that a failure is a problem, never half a PDF, and the export is
 * recorded only once it exists.
 */
@Path("audit/export.pdf")
public class AuditReportResource {

    @Inject
    AuditReportService reports;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @GET
    @Produces("application/pdf")
    public Response export(@Context UriInfo uri) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        reports.export(current.get(), AuditCriteria.parse(name -> uri.getQueryParameters().getFirst(name)).query(), pdf);
        String name = "audit-trail-" + LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))) + ".pdf";
        return Response.ok(pdf.toByteArray(), reports.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
