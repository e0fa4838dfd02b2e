package uk.gov.inspectorates.portal.core.testdata;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;

/** {@code aSubject().of(OFSTED).withRoles(INSPECTOR).onReaderList().build()}. */
public final class SubjectBuilder {

    private String userId = "user-1";
    private Organisation organisation = Organisation.of(Inspectorate.OFSTED);
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private final Set<Team> teams = new HashSet<>();

    private SubjectBuilder() {
    }

    public static SubjectBuilder aSubject() {
        return new SubjectBuilder();
    }

    public SubjectBuilder withId(String id) {
        this.userId = id;
        return this;
    }

    public SubjectBuilder of(Inspectorate inspectorate) {
        this.organisation = Organisation.of(inspectorate);
        return this;
    }

    public SubjectBuilder ofAgency() {
        this.organisation = Organisation.agency("northdale-childrens-services", "Northdale Council Children's Services",
                AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "Northdale");
        return this;
    }

    /** Staff of an agency of the given type, in the area with the given id. */
    public SubjectBuilder ofAgency(String agencyId, AgencyType type, String localAuthorityAreaId) {
        this.organisation = Organisation.agency(agencyId, agencyId, type, localAuthorityAreaId);
        return this;
    }

    public SubjectBuilder withRoles(Role... given) {
        roles.addAll(List.of(given));
        return this;
    }

    /** A member of the first protocol reader-list team of the subject's own inspectorate. */
    public SubjectBuilder onReaderList() {
        return onReaderListOf(organisation.asInspectorate()
                .orElseThrow(() -> new IllegalStateException("agencies have no reader lists")));
    }

    /** A member of a reader-list team of the given inspectorate, whichever organisation the subject belongs to. */
    public SubjectBuilder onReaderListOf(Inspectorate inspectorate) {
        teams.add(ProtocolReaderLists.teamsOf(inspectorate).get(0));
        return this;
    }

    /** A member of a team of the subject's own organisation that is not on a reader list. */
    public SubjectBuilder inTeamNotOnReaderList() {
        teams.add(new Team(organisation.id() + "/inspection-team", organisation.id(), "Inspection team", false));
        return this;
    }

    public Subject build() {
        return new Subject(userId, userId + "@example.test", "Test " + userId, organisation, roles, teams);
    }
}
