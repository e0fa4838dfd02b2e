package uk.gov.inspectorates.portal.core.termplan;

import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where term plans are kept: every version of every inspectorate's list, none ever changed in place. */
@PersistencePort
public interface TermPlanRepository {

    /** Adds a version; fails if the inspectorate already has this version for the term. */
    void add(TermPlanList plan);

    Optional<TermPlanList> find(String id);

    /** Every version of every inspectorate's list for the term, by inspectorate, then version. */
    List<TermPlanList> ofTerm(Term term);

    /** The inspectorate's newest version for the term; 0 when it has shared none. */
    int latestVersion(Inspectorate inspectorate, Term term);
}
