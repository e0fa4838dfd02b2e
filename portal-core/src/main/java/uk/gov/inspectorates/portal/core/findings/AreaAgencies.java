package uk.gov.inspectorates.portal.core.findings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * The people of an inspected area that a findings letter goes to (docs/adr/0025): the director of children's
 * services (DCS) is the chief officer of the area's local authority children's services; the senior leaders of the
 * inspected agencies are the chief officers of the area's agencies that a participating inspectorate inspects; the
 * chair of the local safeguarding partnership is a person of an agency of the area, named by the lead inspector.
 */
final class AreaAgencies {

    private final OrganisationDirectory directory;

    AreaAgencies(OrganisationDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The active chief officers of the area's local authority children's services. */
    List<UserAccount> directorsOfChildrensServices(Inspection inspection) {
        return chiefOfficers(agenciesOf(inspection).stream()
                .filter(agency -> agency.agencyType() == AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES).toList());
    }

    /** The active chief officers of the area's agencies inspected by a participating inspectorate. */
    List<UserAccount> seniorLeadersOfInspectedAgencies(Inspection inspection) {
        return chiefOfficers(agenciesOf(inspection).stream()
                .filter(agency -> inspection.participates(agency.agencyType().inspectedBy())).toList());
    }

    /** Every active person of the area's agencies, by name (those who may be named chair of the partnership). */
    List<UserAccount> peopleOfArea(Inspection inspection) {
        return agenciesOf(inspection).stream().flatMap(agency -> directory.usersOf(agency.id()).stream())
                .filter(UserAccount::active)
                .sorted(java.util.Comparator.comparing(UserAccount::displayName)).toList();
    }

    /** The person, if they are an active member of staff of an agency of the inspection's area. */
    Optional<UserAccount> personOfArea(Inspection inspection, String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        List<String> agencies = agenciesOf(inspection).stream().map(Organisation::id).toList();
        return directory.findUser(userId.strip()).filter(UserAccount::active)
                .filter(user -> agencies.contains(user.organisationId()));
    }

    private List<Organisation> agenciesOf(Inspection inspection) {
        return directory.organisations().stream()
                .filter(organisation -> !organisation.isInspectorate())
                .filter(agency -> inspection.localAuthorityAreaId().equals(agency.localAuthorityArea()))
                .toList();
    }

    private List<UserAccount> chiefOfficers(List<Organisation> agencies) {
        return agencies.stream().flatMap(agency -> directory.usersOf(agency.id()).stream())
                .filter(UserAccount::active)
                .filter(user -> user.roles().contains(Role.AGENCY_CHIEF_OFFICER))
                .toList();
    }

    /** The name of the inspection's local authority area (its id when the directory does not know it). */
    String areaName(Inspection inspection) {
        return directory.findLocalAuthorityArea(inspection.localAuthorityAreaId())
                .map(uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea::name)
                .orElse(inspection.localAuthorityAreaId());
    }
}
