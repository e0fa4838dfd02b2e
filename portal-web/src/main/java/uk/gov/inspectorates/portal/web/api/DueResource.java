package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uk.gov.inspectorates.portal.core.inspection.DueWork;

/**
 * In-portal reminders: for agency staff, what their agency has been asked for, when it is due and what is overdue;
 * for inspectorate staff, their inspectorate's overdue requests.
 */
@Path("me/due")
@Produces(MediaType.APPLICATION_JSON)
public class DueResource {

    @Inject
    DueWork due;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    @GET
    public List<JtaiViews.DueView> list() {
        Instant now = clock.instant();
        return due.dueFor(current.get()).stream().map(item -> JtaiViews.DueView.of(item, now)).toList();
    }
}
