package uk.gov.inspectorates.portal.core.report;

import java.time.OffsetDateTime;

/**
 * A party's view on a withhold or withdrawal request as the originator enters it: either the view and when it was
 * given (now when missing), or the time by which no view was given (any field may be missing).
 */
public record PartyViewDraft(String inspectorate, String leadInspector, String view, OffsetDateTime givenAt,
                             OffsetDateTime noViewGivenBy) {
}
