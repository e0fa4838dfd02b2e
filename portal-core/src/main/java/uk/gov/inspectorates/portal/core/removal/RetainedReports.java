package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.List;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** The reports and letters whose retention periods run, each with the moment its period counts from. */
@PersistencePort
public interface RetainedReports {

    /** A report or letter, its key scope, and when its period started. */
    record Dated(String id, KeyScope scope, Instant since) {
    }

    /** Reports published (and not withdrawn), counted from publication. */
    List<Dated> published();

    /** Withdrawn reports, counted from withdrawal. */
    List<Dated> withdrawn();

    /** Advance letters sent ahead of a report that never came (not linked to a report), counted from when sent. */
    List<Dated> lettersAhead();
}
