package uk.gov.inspectorates.portal.core.access;

import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Who administers what. An administrator manages their own organisation's people; an inspectorate's administrator
 * also manages its teams, adds local authority areas, and adds and manages the agencies their inspectorate inspects
 * (and those agencies' people). Nobody changes their own roles or teams, nor deactivates themself.
 *
 * <p>Administration resources name the organisation that owns the thing as their {@code id} and the inspectorate
 * answerable for that organisation (itself, or the one that inspects the agency) as their {@code originator}: build
 * them with the factories here.
 */
public final class AdministrationRules {

    public static final String AREAS_BY_INSPECTORATE_ADMINISTRATOR = "admin.areas.inspectorate-administrator";
    public static final String AREAS_INSPECTORATE_ADMINISTRATOR_ONLY = "admin.areas.inspectorate-administrator-only";
    public static final String REGISTER_BY_INSPECTORATE_ADMINISTRATOR =
            "admin.organisations.inspectorate-administrator";
    public static final String REGISTER_INSPECTORATE_ADMINISTRATOR_ONLY =
            "admin.organisations.inspectorate-administrator-only";
    public static final String AGENCY_BY_INSPECTING_ADMINISTRATOR =
            "admin.agency.administrator-of-inspecting-inspectorate";
    public static final String AGENCY_INSPECTING_ADMINISTRATOR_ONLY =
            "admin.agency.administrator-of-inspecting-inspectorate-only";
    public static final String TEAMS_BY_OWN_ADMINISTRATOR = "admin.teams.own-inspectorate-administrator";
    public static final String TEAMS_OWN_ADMINISTRATOR_ONLY = "admin.teams.own-inspectorate-administrator-only";
    public static final String OWN_ORGANISATION = "admin.organisation.own-administrator";
    public static final String PEOPLE_BY_OWN_ADMINISTRATOR = "admin.people.own-organisation-administrator";
    public static final String PEOPLE_BY_INSPECTING_ADMINISTRATOR =
            "admin.people.administrator-of-inspecting-inspectorate";
    public static final String PEOPLE_ADMINISTRATORS_ONLY =
            "admin.people.own-or-inspecting-inspectorate-administrator-only";
    public static final String NO_CHANGE_TO_OWN_ROLES = "admin.people.no-change-to-own-roles-or-teams";
    public static final String NO_SELF_DEACTIVATION = "admin.people.no-self-deactivation";
    public static final String ANOTHER_PERSON = "admin.people.another-person";

    private AdministrationRules() {
    }

    /** The register of local authority areas. */
    public static Resource areas() {
        return new Resource(Resource.Kind.LOCAL_AUTHORITY_AREA, null, null, Set.of(), false);
    }

    /** The register of organisations: inspectorates and agencies. */
    public static Resource register() {
        return new Resource(Resource.Kind.ORGANISATION, null, null, Set.of(), false);
    }

    /** An agency of this type, not yet added. */
    public static Resource newAgency(AgencyType type) {
        return new Resource(Resource.Kind.ORGANISATION, null, type.inspectedBy(), Set.of(), false);
    }

    public static Resource organisation(Organisation organisation) {
        return new Resource(Resource.Kind.ORGANISATION, organisation.id(), answerable(organisation), Set.of(), false);
    }

    public static Resource teamsOf(Inspectorate inspectorate) {
        return new Resource(Resource.Kind.TEAM, inspectorate.organisationId(), inspectorate, Set.of(), false);
    }

    public static Resource peopleOf(Organisation organisation) {
        return new Resource(Resource.Kind.USER_ACCOUNT, organisation.id(), answerable(organisation), Set.of(), false);
    }

    static Decision decide(Subject subject, Action action, Resource resource) {
        boolean readOrChange = action == Action.LIST || action == Action.VIEW_METADATA || action == Action.CHANGE;
        if (!readOrChange) {
            return Decision.deny(AccessPolicy.NOT_PERMITTED);
        }
        Optional<Inspectorate> administered = administeredInspectorate(subject);
        return switch (resource.kind()) {
            case LOCAL_AUTHORITY_AREA -> administered.isPresent()
                    ? Decision.permit(AREAS_BY_INSPECTORATE_ADMINISTRATOR)
                    : Decision.deny(AREAS_INSPECTORATE_ADMINISTRATOR_ONLY);
            case ORGANISATION -> decideOrganisation(subject, action, resource, administered);
            case TEAM -> administered.isPresent() && administered.get() == resource.originator()
                    ? Decision.permit(TEAMS_BY_OWN_ADMINISTRATOR)
                    : Decision.deny(TEAMS_OWN_ADMINISTRATOR_ONLY);
            case USER_ACCOUNT -> decidePeople(subject, resource, administered);
            default -> Decision.deny(AccessPolicy.NOT_PERMITTED);
        };
    }

    /** Roles and teams are granted by someone else, so that no one can raise their own access. */
    public static Decision changeOfRolesOrTeams(Subject subject, String personId) {
        return subject.userId().equals(personId) ? Decision.deny(NO_CHANGE_TO_OWN_ROLES)
                : Decision.permit(ANOTHER_PERSON);
    }

    /** An administrator who deactivated themself could lock their organisation out of its administration. */
    public static Decision deactivation(Subject subject, String personId) {
        return subject.userId().equals(personId) ? Decision.deny(NO_SELF_DEACTIVATION) : Decision.permit(ANOTHER_PERSON);
    }

    private static Decision decideOrganisation(Subject subject, Action action, Resource resource,
                                               Optional<Inspectorate> administered) {
        if (resource.id() == null && resource.originator() == null) {
            return administered.isPresent() ? Decision.permit(REGISTER_BY_INSPECTORATE_ADMINISTRATOR)
                    : Decision.deny(REGISTER_INSPECTORATE_ADMINISTRATOR_ONLY);
        }
        if (administered.isPresent() && administered.get() == resource.originator()) {
            return Decision.permit(AGENCY_BY_INSPECTING_ADMINISTRATOR);
        }
        if (action == Action.VIEW_METADATA && administersOwn(subject, resource)) {
            return Decision.permit(OWN_ORGANISATION);
        }
        return Decision.deny(AGENCY_INSPECTING_ADMINISTRATOR_ONLY);
    }

    private static Decision decidePeople(Subject subject, Resource people, Optional<Inspectorate> administered) {
        if (administersOwn(subject, people)) {
            return Decision.permit(PEOPLE_BY_OWN_ADMINISTRATOR);
        }
        if (administered.isPresent() && administered.get() == people.originator()) {
            return Decision.permit(PEOPLE_BY_INSPECTING_ADMINISTRATOR);
        }
        return Decision.deny(PEOPLE_ADMINISTRATORS_ONLY);
    }

    private static boolean administersOwn(Subject subject, Resource resource) {
        return subject.has(Role.ADMINISTRATOR) && subject.organisation().id().equals(resource.id());
    }

    private static Optional<Inspectorate> administeredInspectorate(Subject subject) {
        return subject.has(Role.ADMINISTRATOR) ? subject.inspectorate() : Optional.empty();
    }

    private static Inspectorate answerable(Organisation organisation) {
        return organisation.asInspectorate().orElseGet(() -> organisation.agencyType().inspectedBy());
    }
}
