package uk.gov.inspectorates.portal.core.termplan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;

/**
 * One inspectorate's list of the local authority areas it plans to inspect in a term (ISP "Sharing other
 * information"), as shared with the other inspectorates. Sharing again for the same term adds the next version;
 * earlier versions are kept. Always OFFICIAL-SENSITIVE.
 */
public record TermPlanList(String id, Inspectorate inspectorate, Term term, int version,
                           List<LocalAuthorityArea> areas, String sharedBy, Instant sharedAt) {

    /** What a plan of inspections is marked: the list of where an inspectorate goes next is not for the public. */
    public static final Classification CLASSIFICATION = Classification.of(Tier.OFFICIAL_SENSITIVE);

    public TermPlanList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inspectorate, "inspectorate");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(sharedBy, "sharedBy");
        Objects.requireNonNull(sharedAt, "sharedAt");
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
        areas = List.copyOf(areas);
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a plan lists at least one area");
        }
    }

    public Classification classification() {
        return CLASSIFICATION;
    }

    /** As the access policy sees it: a term plan of its inspectorate, for every inspectorate to read. */
    public Resource asResource() {
        return new Resource(Resource.Kind.TERM_PLAN, id, inspectorate, Set.of(), false);
    }
}
