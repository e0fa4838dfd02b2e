package uk.gov.inspectorates.portal.core.postinspection;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Statements of proposed action and their reviews (they go with their inspection when it is removed). */
@PersistencePort
public interface ProposedActionStatements {

    /** Records the statement asked of an agency unless one is recorded for the inspection: false then. */
    boolean name(StatementOfProposedAction statement);

    Optional<StatementOfProposedAction> ofInspection(String inspectionId);

    /** Every statement recorded. */
    List<StatementOfProposedAction> all();

    /** Records the review of a document unless it has one: false then, and nothing changes. */
    boolean review(StatementReview review);

    /** The inspection's reviews, oldest first. */
    List<StatementReview> reviewsOf(String inspectionId);
}
