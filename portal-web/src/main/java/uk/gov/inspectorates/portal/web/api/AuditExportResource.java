package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.accountability.AuditCsvExport;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditQuery;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/**
 * A SIRO's CSV export of the audit trail (docs/adr/0031; the format is audit-verifier's {@code AuditCsv}): the search
 * criteria as query parameters ({@code actor, organisation, report, inspection, action, outcome, from, to, download};
 * times ISO-8601 instants), bounded by the SIRO's organisation; streamed; verifiable offline with the public key.
 * 403 naming {@code audit.read.own-organisation-siro} for anyone but an inspectorate's SIRO; 422 for a bad criterion.
 */
@Path("audit/export.csv")
public class AuditExportResource {

    @Inject
    AuditCsvExport exports;

    @Inject
    CurrentSubject current;

    @GET
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation,
                           @QueryParam("report") String report, @QueryParam("inspection") String inspection,
                           @QueryParam("action") String action, @QueryParam("outcome") String outcome,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("download") String download) {
        AuditQuery criteria = criteria(actor, organisation, report, inspection, action, outcome, from, to, download);
        Subject subject = current.get();
        AuditCsvExport.Prepared prepared = exports.prepare(subject, criteria);
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

    static AuditQuery criteria(String actor, String organisation, String report, String inspection, String action,
                               String outcome, String from, String to, String download) {
        List<FieldError> errors = new ArrayList<>();
        AuditEvent.Outcome parsedOutcome = null;
        if (blank(outcome) != null) {
            try {
                parsedOutcome = AuditEvent.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "Outcome must be SUCCEEDED, REFUSED or DENIED"));
            }
        }
        Instant parsedFrom = instant("from", from, errors);
        Instant parsedTo = instant("to", to, errors);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            errors.add(new FieldError("to", "The end must be after the start"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AuditQuery(blank(actor), blank(organisation), blank(report), blank(inspection), blank(action),
                parsedOutcome, parsedFrom, parsedTo, blank(download), 1, AuditQuery.MAX_PAGE_SIZE);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Give the time as an ISO-8601 instant, e.g. "
                    + "2026-12-06T09:00:00Z"));
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
