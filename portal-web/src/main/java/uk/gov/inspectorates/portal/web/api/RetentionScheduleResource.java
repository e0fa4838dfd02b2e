package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.retention.RetentionAdministration;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;

/** The dry run: what the retention policies will remove or put up for review next, when, and what holds it. */
@Path("retention-schedule")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionScheduleResource {

    static final int MAX_LIMIT = 500;

    public record EntryView(String category, String kind, String id, String description, OffsetDateTime dueAt,
                            String action, boolean held, String holdKind, String holdId) {
        static EntryView of(RetentionSchedule.Entry entry) {
            var candidate = entry.candidate();
            var hold = candidate.holdTarget();
            return new EntryView(entry.category().name(), candidate.kind(), candidate.id(), candidate.description(),
                    candidate.dueAt().atOffset(ZoneOffset.UTC), entry.action().name(), entry.held(),
                    hold == null ? null : hold.kind().name(), hold == null ? null : hold.id());
        }
    }

    @Inject
    RetentionAdministration retention;

    @Inject
    CurrentSubject current;

    @GET
    public List<EntryView> next(@QueryParam("limit") @DefaultValue("100") int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return retention.dryRun(current.get(), bounded).stream().map(EntryView::of).toList();
    }
}
