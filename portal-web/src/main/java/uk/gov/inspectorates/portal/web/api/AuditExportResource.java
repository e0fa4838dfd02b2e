package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.accountability.AuditCsvExport;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;

/**
 * A SIRO's CSV export of the audit trail (docs/adr/0031; the format is audit-verifier's {@code AuditCsv}): the search
 * criteria as query parameters, exactly as the search takes them ({@link AuditCriteria}; paging ignored), bounded by
 * the SIRO's organisation; streamed; verifiable offline with the public key. 403 naming
 * {@code audit.read.own-organisation-siro} for anyone but an inspectorate's SIRO; 422 for a bad criterion.
 */
@Path("audit/export.csv")
public class AuditExportResource {

    @Inject
    AuditCsvExport exports;

    @Inject
    CurrentSubject current;

    @GET
    @Produces("text/csv")
    public Response export(@Context UriInfo uri) {
        AuditCriteria criteria = AuditCriteria.parse(uri.getQueryParameters()::getFirst);
        Subject subject = current.get();
        AuditCsvExport.Prepared prepared = exports.prepare(subject, criteria.query());
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            prepared.writeTo(writer);
            writer.flush();
        };
        String name = "audit-" + subject.organisation().id() + "-" + Instant.now().toString().replace(':', '-')
                + ".csv";
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
