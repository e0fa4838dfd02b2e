package uk.gov.inspectorates.portal.core.referral;

import java.util.Objects;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The inspection a referral is raised in, as far as referrals need it: its name, the local authority area whose agencies
 * may be referred to, the lead inspectorate and the participants (who see its referrals), the lead inspector who signs
 * each referral off last, and the inspection itself as the access policy sees it.
 *
 * @param leadInspectorUserId the inspection's lead inspector; null while none is named (then nobody can sign off yet)
 */
public record ReferringInspection(String id, String name, String areaId, Inspectorate leadInspectorate,
                                  Set<Inspectorate> participants, String leadInspectorUserId, Resource resource) {
    public ReferringInspection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(areaId, "areaId");
        Objects.requireNonNull(leadInspectorate, "leadInspectorate");
        participants = Set.copyOf(participants);
        Objects.requireNonNull(resource, "resource");
    }

    /** The inspection as referrals see it; {@code areaName} names it ("Northdale JTAI"). */
    public static ReferringInspection of(Inspection inspection, String areaName) {
        return new ReferringInspection(inspection.id(), areaName + " JTAI", inspection.localAuthorityAreaId(),
                inspection.leadInspectorate(), inspection.participants(),
                inspection.leadInspectors().get(inspection.leadInspectorate()), inspection.asResource());
    }

    public Resource asResourceOf(Referral referral) {
        return referral.asResource(leadInspectorate, participants, leadInspectorUserId);
    }
}
