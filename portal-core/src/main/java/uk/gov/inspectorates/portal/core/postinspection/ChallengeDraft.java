package uk.gov.inspectorates.portal.core.postinspection;

import java.time.OffsetDateTime;

/** A challenge or complaint as the lead inspectorate enters it (any field may be missing; received: now). */
public record ChallengeDraft(String kind, String complainant, String summary, OffsetDateTime receivedAt) {
}
