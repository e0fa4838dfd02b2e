package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.Objects;

/**
 * The statement of proposed action a findings letter asks for (JTAI §96-98): the agency named to make it (which
 * coordinates the partnership's statement), due 70 working days after the letter was sent to the local agencies
 * (day 41), asked for once it is published. The agency uploads it
 * through the information request {@code requestId}, so that it is evidence of the inspection like any other: the same
 * intake, the inspection's key scope, exported and removed with it.
 */
public record StatementOfProposedAction(String inspectionId, String requestId, String agencyId, Instant dueAt,
                                        String namedBy, Instant namedAt) {

    public static final String TITLE = "Statement of proposed action";

    public StatementOfProposedAction {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(namedBy, "namedBy");
        Objects.requireNonNull(namedAt, "namedAt");
    }
}
