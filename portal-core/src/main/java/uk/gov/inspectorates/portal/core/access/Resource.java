package uk.gov.inspectorates.portal.core.access;

import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * What the policy needs to know about a thing being accessed, without knowing the thing itself: its kind, its
 * originating inspectorate, the parties it is addressed to, and whether it is under embargo.
 */
public record Resource(Kind kind, String id, Inspectorate originator, Set<Inspectorate> addressees,
                       boolean underEmbargo) {

    public enum Kind { REPORT, AGENCY_ACCOUNT }

    public Resource {
        Objects.requireNonNull(kind, "kind");
        if (id != null) {
            Objects.requireNonNull(originator, "originator");
        }
        addressees = Set.copyOf(addressees);
    }

    /** A report not yet shared: the originator is the inspectorate that would share it (none for an agency). */
    public static Resource newReport(Inspectorate originator) {
        return new Resource(Kind.REPORT, null, originator, Set.of(), true);
    }

    /** The accounts of one agency (its id); the originator is the inspectorate that inspects it. */
    public static Resource agencyAccounts(uk.gov.inspectorates.portal.core.organisation.Organisation agency) {
        return new Resource(Kind.AGENCY_ACCOUNT, agency.id(), agency.agencyType().inspectedBy(), Set.of(), false);
    }
}
