package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who may see and change retention (issue 17, docs/adr/0029). The retention policies and the dry run are the
 * portal's, answered for by the inspectorates: an inspectorate's administrators may view and change them, its SIROs
 * (who own the information risk) may view them. Agency staff, agency administrators included, may not: the policies
 * decide over inspectorate data. A legal hold is set and lifted by an administrator of a party to the thing held (an
 * inspection's participating inspectorates; a report's originating inspectorate), and seen by those parties'
 * administrators and SIROs.
 *
 * <p>Build the resources with the factories here: the policies have no id; a hold carries its target's id, its
 * lead or originating inspectorate and (for an inspection) the participants.
 */
public final class RetentionRules {

    public static final String VIEW_BY_ADMINISTRATOR_OR_SIRO = "retention.view.inspectorate-administrator-or-siro";
    public static final String CHANGE_BY_ADMINISTRATOR = "retention.change.inspectorate-administrator";
    public static final String INSPECTORATE_ADMINISTRATORS_ONLY =
            "retention.inspectorate-administrators-and-siros-only";
    public static final String HOLD_BY_PARTY_ADMINISTRATOR = "retention.legal-hold.party-administrator";
    public static final String HOLD_VIEW_BY_PARTY_ADMINISTRATOR_OR_SIRO =
            "retention.legal-hold.view.party-administrator-or-siro";
    public static final String HOLD_PARTY_ADMINISTRATORS_ONLY = "retention.legal-hold.party-administrators-only";

    private RetentionRules() {
    }

    /** The retention policies, their history and the dry run. */
    public static Resource policies() {
        return new Resource(Resource.Kind.RETENTION, null, null, Set.of(), false);
    }

    /** The legal hold (set or not) on an inspection led by {@code lead} with those participants. */
    public static Resource holdOnInspection(String inspectionId, Inspectorate lead, Set<Inspectorate> participants) {
        return new Resource(Resource.Kind.RETENTION, inspectionId, lead, participants, false);
    }

    /** The legal hold (set or not) on a report of that originating inspectorate. */
    public static Resource holdOnReport(String reportId, Inspectorate originator) {
        return new Resource(Resource.Kind.RETENTION, reportId, originator, Set.of(), false);
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        boolean reading = action == Action.LIST || action == Action.VIEW_METADATA;
        if (!reading && action != Action.CHANGE) {
            return Decision.deny(AccessPolicy.NOT_PERMITTED);
        }
        Optional<Inspectorate> own = subject.inspectorate();
        boolean administrator = own.isPresent() && subject.has(Role.ADMINISTRATOR);
        boolean siro = own.isPresent() && subject.has(Role.SIRO);
        if (resource.id() == null) {
            if (administrator) {
                return Decision.permit(action == Action.CHANGE ? CHANGE_BY_ADMINISTRATOR
                        : VIEW_BY_ADMINISTRATOR_OR_SIRO);
            }
            return reading && siro ? Decision.permit(VIEW_BY_ADMINISTRATOR_OR_SIRO)
                    : Decision.deny(INSPECTORATE_ADMINISTRATORS_ONLY);
        }
        boolean party = own.isPresent()
                && (own.get() == resource.originator() || resource.addressees().contains(own.get()));
        if (party && administrator) {
            return Decision.permit(action == Action.CHANGE ? HOLD_BY_PARTY_ADMINISTRATOR
                    : HOLD_VIEW_BY_PARTY_ADMINISTRATOR_OR_SIRO);
        }
        return party && reading && siro ? Decision.permit(HOLD_VIEW_BY_PARTY_ADMINISTRATOR_OR_SIRO)
                : Decision.deny(HOLD_PARTY_ADMINISTRATORS_ONLY);
    }
}
