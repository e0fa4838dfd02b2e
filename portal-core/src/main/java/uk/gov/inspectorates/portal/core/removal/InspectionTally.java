package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * What an inspection's removal records before its objects and rows go, for its certificate: when it was closed, its
 * participants, its documents per request, and who exported what beforehand.
 */
public record InspectionTally(Instant closedAt, Inspectorate leadInspectorate, Set<Inspectorate> participants,
                              List<RequestTally> requests, List<ExportRecord> exports) {

    public InspectionTally {
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(leadInspectorate, "leadInspectorate");
        participants = Set.copyOf(participants);
        requests = List.copyOf(requests);
        exports = List.copyOf(exports);
    }
}
