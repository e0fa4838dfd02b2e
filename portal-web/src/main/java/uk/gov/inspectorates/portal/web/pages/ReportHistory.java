package uk.gov.inspectorates.portal.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;

/** The report's history for its page, oldest first, from what the reader may see of its records. */
final class ReportHistory {

    private ReportHistory() {
    }

    static List<Map<String, String>> of(Report report, List<WithholdRequest> requests, List<OnwardSharing> sharings,
                                        Instant now) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(report.sharedAt(), "Shared under embargo by " + report.originator().title()));
        if (report.publication() != null) {
            Instant at = report.publication().publishedAt();
            events.add(new Event(report.publication().recordedAt(), at.isAfter(report.publication().recordedAt())
                    ? "End of embargo scheduled for " + ReportForms.when(at) : "Publication recorded"));
            if (!at.isAfter(now) && at.isAfter(report.publication().recordedAt())) {
                events.add(new Event(at, "Published: the embargo ended"));
            }
        }
        if (report.withdrawal() != null) {
            events.add(new Event(report.withdrawal().withdrawnAt(), "Withdrawn: " + report.withdrawal().reason()));
        }
        for (WithholdRequest request : requests) {
            events.add(new Event(request.recordedAt(), "Request to " + (request.kind() == WithholdRequest.Kind.WITHHOLD
                    ? "withhold publication" : "withdraw the report") + " recorded (" + request.applicant() + ")"));
            request.views().forEach(view -> events.add(new Event(view.recordedAt(), "View of " + view.party().title()
                    + "'s lead inspector recorded" + (view.noViewGiven() ? " (none given)" : ""))));
            if (request.decision() != null) {
                events.add(new Event(request.decision().decidedAt(), "Request " + request.decision().outcome()
                        .name().toLowerCase() + ": " + request.decision().reason() + " (other inspectorates told)"));
            }
        }
        for (OnwardSharing sharing : sharings) {
            events.add(new Event(sharing.requestedAt(), sharing.requestingParty().title() + " recorded onward sharing"
                    + " with " + sharing.recipient()));
            if (sharing.decidedAt() != null) {
                events.add(new Event(sharing.decidedAt(), "Written consent "
                        + (sharing.basisHolds() ? "given" : "refused") + " for sharing with " + sharing.recipient()));
            }
        }
        return events.stream().sorted(Comparator.comparing(Event::at))
                .map(event -> Map.of("when", ReportForms.when(event.at()), "what", event.what())).toList();
    }

    private record Event(Instant at, String what) {
    }
}
