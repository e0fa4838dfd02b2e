package uk.gov.inspectorates.portal.core.report;

import java.time.OffsetDateTime;

/** A withhold or withdrawal request as the originator enters it (any field may be missing). */
public record WithholdRequestDraft(String kind, String applicant, String exceptionalCircumstances,
                                   String complaintReference, OffsetDateTime receivedAt) {
}
