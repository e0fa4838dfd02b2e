package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.Objects;

/**
 * The lead inspector's review of one uploaded statement of proposed action (JTAI §99): accepted, or returned with
 * comments (the agency then uploads a revised statement, reviewed in its turn).
 */
public record StatementReview(String documentId, String inspectionId, Outcome outcome, String comments,
                              String reviewedBy, Instant reviewedAt) {

    public enum Outcome { ACCEPTED, RETURNED }

    public StatementReview {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        if (outcome == Outcome.RETURNED && (comments == null || comments.isBlank())) {
            throw new IllegalArgumentException("a statement is returned with comments");
        }
    }
}
