package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.audit.AuditCriteria;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditPage;
import uk.gov.inspectorates.portal.core.audit.StoredAuditEvent;

/**
 * The SIRO's search of the audit trail (issue 18, docs/adr/0033): {@code GET /api/v1/audit?person=&organisation=
 * &report=&inspection=&action=&outcome=&from=&to=&downloadId=&page=&pageSize=}, newest first, within their
 * organisation's scope; 422 naming each bad parameter, 403 naming the rule for anyone but an inspectorate's SIRO.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrailReading reading;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @GET
    public SearchResult search(@Context UriInfo uri) {
        AuditCriteria criteria = AuditCriteria.parse(uri.getQueryParameters()::getFirst);
        Instant now = clock.instant();
        AuditPage page = reading.search(current.get(), criteria);
        return new SearchResult(criteria.given(), page.page(), page.pageSize(), page.more(),
                page.events().stream().map(EventView::of).toList(),
                page.more() ? "/api/v1/audit?" + criteria.asOf(now).queryString(page.page() + 1) : null);
    }

    /** "Who has seen this report?": its stamped copies' and its letters' readers, times and download ids. */
    @GET
    @Path("reports/{id}/readers")
    public Readers readers(@PathParam("id") String id) {
        AuditTrailReading.ReportReadings readings = reading.readersOf(current.get(), id);
        return new Readers(readings.report().id(), readings.readings().stream()
                .map(r -> new Reader(r.seq(), r.readerId(), r.organisationId(), r.at().atOffset(ZoneOffset.UTC),
                        r.action(), r.resourceType(), r.resourceId(), r.downloadId()))
                .toList());
    }

    public record Readers(String reportId, List<Reader> readers) {
    }

    public record Reader(long seq, String readerId, String organisationId, OffsetDateTime at, String action,
                         String resourceType, String resourceId, String downloadId) {
    }

    /** One page: the criteria as understood (times as instants), whether there is a next page and its link. */
    public record SearchResult(Map<String, String> criteria, int page, int pageSize, boolean more,
                               List<EventView> events, String next) {
    }

    /** An event with every field the trail holds; hashes in hex. */
    public record EventView(long seq, OffsetDateTime at, String actorId, String actorOrganisationId,
                            String actorRoles, String action, String resourceType, String resourceId,
                            String reportId, String inspectionId, List<String> informationOwners, String outcome,
                            String detail, String downloadId, String clientAddress, String userAgent,
                            String previousHash, String hash) {
        static EventView of(StoredAuditEvent stored) {
            AuditEvent e = stored.event();
            return new EventView(stored.seq(), e.at().atOffset(ZoneOffset.UTC), e.actorId(), e.actorOrganisationId(),
                    e.actorRoles(), e.action(), e.resourceType(), e.resourceId(), e.reportId(), e.inspectionId(),
                    List.copyOf(new TreeSet<>(e.informationOwners())), e.outcome().name(), e.detail(), e.downloadId(),
                    e.clientAddress(), e.userAgent(),
                    stored.previousHash() == null ? null : HexFormat.of().formatHex(stored.previousHash()),
                    HexFormat.of().formatHex(stored.hash()));
        }
    }
}
