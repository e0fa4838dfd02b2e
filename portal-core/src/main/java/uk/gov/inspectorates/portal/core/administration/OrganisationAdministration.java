package uk.gov.inspectorates.portal.core.administration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.AdministrationRules;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Administration of organisations, teams and people. Every call is decided through the {@link PolicyGate} (with the
 * self-protection rules of {@link AdministrationRules}); every change, and every refusal, leaves one audit event
 * with what was before and what is after (never a secret).
 */
public final class OrganisationAdministration {

    static final int MAX_NAME_LENGTH = 120;

    private final OrganisationDirectory directory;
    private final UnitOfWork unitOfWork;
    private final PolicyGate gate;

    public OrganisationAdministration(OrganisationDirectory directory, PolicyGate gate) {
        this(directory, gate, UnitOfWork.NONE);
    }

    public OrganisationAdministration(OrganisationDirectory directory, PolicyGate gate,
                                      UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.directory = directory;
        this.gate = gate;
    }

    /** What the subject administers; refused (and audited) for someone who administers nothing. */
    public record Sections(boolean organisations, boolean teams, boolean people) {
    }

    public Sections sections(Subject subject) {
        Sections sections = new Sections(mayListRegister(subject), mayListOwnTeams(subject),
                mayListOwnPeople(subject));
        if (!sections.organisations() && !sections.teams() && !sections.people()) {
            gate.record(subject, Act.of(AuditActions.ADMINISTRATION_VIEW, "ORGANISATION", subject.organisation().id()),
                    Outcome.DENIED, AdministrationRules.PEOPLE_ADMINISTRATORS_ONLY);
            throw new AccessDenied(AdministrationRules.PEOPLE_ADMINISTRATORS_ONLY);
        }
        return sections;
    }

    /** Whether the subject may see the register of organisations (and add areas and agencies). */
    public boolean administersOrganisations(Subject subject) {
        return mayListRegister(subject);
    }

    public boolean administersTeams(Subject subject) {
        return mayListOwnTeams(subject);
    }

    public boolean administersPeople(Subject subject) {
        return mayListOwnPeople(subject);
    }

    private boolean mayListRegister(Subject subject) {
        return permitted(subject, Action.LIST, AdministrationRules.register());
    }

    private boolean mayListOwnTeams(Subject subject) {
        return subject.inspectorate().map(own -> permitted(subject, Action.LIST, AdministrationRules.teamsOf(own)))
                .orElse(false);
    }

    private boolean mayListOwnPeople(Subject subject) {
        return permitted(subject, Action.LIST, AdministrationRules.peopleOf(subject.organisation()));
    }

    public OrganisationRegister register(Subject subject) {
        require(subject, Action.LIST, AdministrationRules.register(), AuditActions.ADMINISTRATION_VIEW, "ORGANISATION",
                null);
        List<Organisation> all = directory.organisations();
        return new OrganisationRegister(
                all.stream().filter(Organisation::isInspectorate).toList(),
                directory.localAuthorityAreas().stream().sorted(Comparator.comparing(LocalAuthorityArea::name))
                        .toList(),
                all.stream().filter(organisation -> !organisation.isInspectorate()).toList());
    }

    public LocalAuthorityArea addArea(Subject subject, String name) {
        return unitOfWork.inOne(() -> addAreaInUnit(subject, name));
    }

    private LocalAuthorityArea addAreaInUnit(Subject subject, String name) {
        require(subject, Action.CHANGE, AdministrationRules.areas(), AuditActions.ORGANISATION_CHANGE,
                "LOCAL_AUTHORITY_AREA", null);
        String cleanName = validated(() -> {
            String given = name(name, "name", "Enter the name of the local authority area");
            if (directory.localAuthorityAreas().stream().anyMatch(area -> sameName(area.name(), given))) {
                throw InvalidInput.of("name", "There is already a local authority area called " + given);
            }
            return given;
        }, subject, AuditActions.ORGANISATION_CHANGE, "LOCAL_AUTHORITY_AREA", null);
        LocalAuthorityArea area = new LocalAuthorityArea(Ids.newId(), cleanName);
        directory.saveLocalAuthorityArea(area);
        gate.record(subject, Act.of(AuditActions.ORGANISATION_CHANGE, "LOCAL_AUTHORITY_AREA", area.id()),
                Outcome.SUCCEEDED, "added area: name=" + area.name());
        return area;
    }

    public Organisation addAgency(Subject subject, String name, String agencyType, String areaId) {
        return unitOfWork.inOne(() -> addAgencyInUnit(subject, name, agencyType, areaId));
    }

    private Organisation addAgencyInUnit(Subject subject, String name, String agencyType, String areaId) {
        require(subject, Action.CHANGE, AdministrationRules.register(), AuditActions.ORGANISATION_CHANGE,
                "ORGANISATION", null);
        AgencyType type = validated(() -> agencyType(agencyType), subject, AuditActions.ORGANISATION_CHANGE,
                "ORGANISATION", null);
        require(subject, Action.CHANGE, AdministrationRules.newAgency(type), AuditActions.ORGANISATION_CHANGE,
                "ORGANISATION", null);
        Organisation agency = validated(() -> {
            List<FieldError> errors = new ArrayList<>();
            String cleanName = null;
            try {
                cleanName = name(name, "name", "Enter the name of the agency");
                String given = cleanName;
                if (directory.organisations().stream().anyMatch(o -> sameName(o.name(), given))) {
                    errors.add(new FieldError("name", "There is already an organisation called " + given));
                }
            } catch (InvalidInput invalid) {
                errors.addAll(invalid.errors());
            }
            if (areaId == null || areaId.isBlank() || directory.findLocalAuthorityArea(areaId).isEmpty()) {
                errors.add(new FieldError("area", "Choose the local authority area of the agency"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return Organisation.agency(Ids.newId(), cleanName, type, areaId);
        }, subject, AuditActions.ORGANISATION_CHANGE, "ORGANISATION", null);
        directory.saveOrganisation(agency);
        gate.record(subject, Act.of(AuditActions.ORGANISATION_CHANGE, "ORGANISATION", agency.id()), Outcome.SUCCEEDED,
                "added agency: name=" + agency.name() + ", type=" + type.name() + ", area=" + areaId
                        + ", inspected by=" + type.inspectedBy().name());
        return agency;
    }

    /** The teams of the subject's own inspectorate. */
    public List<Team> teams(Subject subject) {
        Inspectorate own = ownInspectorate(subject, AuditActions.ADMINISTRATION_VIEW);
        require(subject, Action.LIST, AdministrationRules.teamsOf(own), AuditActions.ADMINISTRATION_VIEW, "TEAM",
                null);
        return directory.teamsOf(own.organisationId());
    }

    /** The teams of an inspectorate, for its own administrators. */
    public List<Team> teamsOf(Subject subject, String organisationId) {
        Organisation organisation = directory.findOrganisation(organisationId == null ? "" : organisationId)
                .orElseThrow(() -> {
                    gate.record(subject, Act.of(AuditActions.ADMINISTRATION_VIEW, "ORGANISATION", organisationId),
                            Outcome.DENIED, "no such organisation");
                    return new NotFound("organisation");
                });
        Inspectorate inspectorate = organisation.asInspectorate().orElseThrow(() -> {
            gate.record(subject, Act.of(AuditActions.ADMINISTRATION_VIEW, "TEAM", null), Outcome.DENIED,
                    AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY);
            return new AccessDenied(AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY);
        });
        require(subject, Action.LIST, AdministrationRules.teamsOf(inspectorate), AuditActions.ADMINISTRATION_VIEW,
                "TEAM", null);
        return directory.teamsOf(inspectorate.organisationId());
    }

    /** An inspectorate's teams and which are on its reader list, with the protocol's list for reference. */
    public ReaderList readerList(Subject subject, String inspectorateCode) {
        Inspectorate inspectorate = inspectorate(subject, inspectorateCode, AuditActions.ADMINISTRATION_VIEW);
        require(subject, Action.LIST, AdministrationRules.teamsOf(inspectorate), AuditActions.ADMINISTRATION_VIEW,
                "TEAM", null);
        return new ReaderList(inspectorate, directory.teamsOf(inspectorate.organisationId()),
                ProtocolReaderLists.teamsOf(inspectorate).stream().map(Team::name).toList());
    }

    /**
     * Replaces the inspectorate's reader list by the given teams (ids of its own teams; none is allowed, and means
     * nobody of the inspectorate may open embargoed reports shared with it). One step, one audit event.
     */
    public ReaderList replaceReaderList(Subject subject, String inspectorateCode, List<String> teamIds) {
        return unitOfWork.inOne(() -> replaceReaderListInUnit(subject, inspectorateCode, teamIds));
    }

    private ReaderList replaceReaderListInUnit(Subject subject, String inspectorateCode, List<String> teamIds) {
        Inspectorate inspectorate = inspectorate(subject, inspectorateCode, AuditActions.READER_LIST_CHANGE);
        require(subject, Action.CHANGE, AdministrationRules.teamsOf(inspectorate), AuditActions.READER_LIST_CHANGE,
                "TEAM", null);
        List<Team> before = directory.teamsOf(inspectorate.organisationId());
        Set<String> chosen = validated(() -> readerTeams(before, teamIds), subject, AuditActions.READER_LIST_CHANGE,
                "TEAM", null);
        directory.setReaderList(inspectorate.organisationId(), chosen);
        gate.record(subject, Act.of(AuditActions.READER_LIST_CHANGE, "TEAM", null), Outcome.SUCCEEDED,
                inspectorate.name() + " before: " + readerNames(before) + "; after: "
                + readerNames(directory.teamsOf(inspectorate.organisationId())));
        return readerList(subject, inspectorateCode);
    }

    private Inspectorate inspectorate(Subject subject, String code, String auditAction) {
        return Inspectorate.byCode(code == null ? "" : code).orElseThrow(() -> {
            gate.record(subject, Act.of(auditAction, "ORGANISATION", code), Outcome.DENIED, "no such inspectorate");
            return new NotFound("inspectorate");
        });
    }

    private static Set<String> readerTeams(List<Team> teams, List<String> teamIds) {
        if (teamIds == null) {
            throw InvalidInput.of("teams", "Send the reader list as the ids of the teams on it");
        }
        Set<String> known = teams.stream().map(Team::id).collect(Collectors.toSet());
        List<String> unknown = teamIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("teams", "These are not teams of the inspectorate: " + String.join(", ", unknown));
        }
        return Set.copyOf(teamIds);
    }

    private static List<String> readerNames(List<Team> teams) {
        return teams.stream().filter(Team::onReaderList).map(Team::name).sorted().toList();
    }

    public Team team(Subject subject, String teamId) {
        return ownTeam(subject, teamId, Action.VIEW_METADATA, AuditActions.ADMINISTRATION_VIEW);
    }

    public Team addTeam(Subject subject, String name, boolean onReaderList) {
        return unitOfWork.inOne(() -> addTeamInUnit(subject, name, onReaderList));
    }

    private Team addTeamInUnit(Subject subject, String name, boolean onReaderList) {
        Inspectorate own = ownInspectorate(subject, AuditActions.TEAM_CHANGE);
        require(subject, Action.CHANGE, AdministrationRules.teamsOf(own), AuditActions.TEAM_CHANGE, "TEAM", null);
        String cleanName = validated(() -> uniqueTeamName(own, name, null), subject, AuditActions.TEAM_CHANGE,
                "TEAM", null);
        Team team = new Team(Ids.newId(), own.organisationId(), cleanName, onReaderList);
        directory.saveTeam(team);
        gate.record(subject, Act.of(AuditActions.TEAM_CHANGE, "TEAM", team.id()), Outcome.SUCCEEDED,
                "added team: " + describe(team));
        return team;
    }

    public Team changeTeam(Subject subject, String teamId, String name, boolean onReaderList) {
        return unitOfWork.inOne(() -> changeTeamInUnit(subject, teamId, name, onReaderList));
    }

    private Team changeTeamInUnit(Subject subject, String teamId, String name, boolean onReaderList) {
        Team before = ownTeam(subject, teamId, Action.CHANGE, AuditActions.TEAM_CHANGE);
        Inspectorate own = subject.inspectorate().orElseThrow();
        String cleanName = validated(() -> uniqueTeamName(own, name, before.id()), subject, AuditActions.TEAM_CHANGE,
                "TEAM", before.id());
        Team after = new Team(before.id(), before.organisationId(), cleanName, onReaderList);
        if (!after.equals(before)) {
            directory.saveTeam(after);
            gate.record(subject, Act.of(AuditActions.TEAM_CHANGE, "TEAM", after.id()), Outcome.SUCCEEDED,
                    "before: " + describe(before) + "; after: " + describe(after));
        }
        return after;
    }

    /**
     * The organisations whose people the subject administers: their own, and for an inspectorate's administrator
     * the agencies their inspectorate inspects.
     */
    public List<Organisation> administeredOrganisations(Subject subject) {
        return directory.organisations().stream()
                .filter(organisation -> permitted(subject, Action.LIST, AdministrationRules.peopleOf(organisation)))
                .sorted(Comparator.comparing((Organisation o) -> !o.id().equals(subject.organisation().id()))
                        .thenComparing(Organisation::name))
                .toList();
    }

    public List<UserAccount> people(Subject subject, String organisationId) {
        Organisation organisation = directory.findOrganisation(organisationId == null ? "" : organisationId)
                .orElseThrow(() -> {
                    gate.record(subject, Act.of(AuditActions.ADMINISTRATION_VIEW, "ORGANISATION", organisationId),
                            Outcome.DENIED, "no such organisation");
                    return new NotFound("organisation");
                });
        require(subject, Action.LIST, AdministrationRules.peopleOf(organisation), AuditActions.ADMINISTRATION_VIEW,
                "ORGANISATION", organisation.id());
        return directory.usersOf(organisation.id());
    }

    public PersonDetails person(Subject subject, String personId) {
        Target target = target(subject, personId, Action.VIEW_METADATA, AuditActions.ADMINISTRATION_VIEW);
        return new PersonDetails(target.person(), target.organisation(), assignableRoles(target.organisation()),
                directory.teamsOf(target.organisation().id()));
    }

    /** Replaces the person's roles and teams with those given (role names, team ids). */
    public UserAccount changeRolesAndTeams(Subject subject, String personId, Set<String> roleNames,
                                           Set<String> teamIds) {
        return unitOfWork.inOne(() -> changeRolesAndTeamsInUnit(subject, personId, roleNames, teamIds));
    }

    private UserAccount changeRolesAndTeamsInUnit(Subject subject, String personId, Set<String> roleNames,
                                           Set<String> teamIds) {
        Target target = target(subject, personId, Action.CHANGE, AuditActions.USER_CHANGE);
        UserAccount before = target.person();
        decided(subject, AdministrationRules.changeOfRolesOrTeams(subject, before.id()), AuditActions.USER_CHANGE,
                before.id());
        UserAccount after = validated(() -> before.withRolesAndTeams(roles(target.organisation(), roleNames),
                        teams(target.organisation(), teamIds)), subject, AuditActions.USER_CHANGE, "USER",
                before.id());
        if (before.active() && before.roles().contains(Role.ADMINISTRATOR)
                && !after.roles().contains(Role.ADMINISTRATOR)) {
            keepAnAdministrator(subject, target, "roles " + names(before.roles()) + " -> " + names(after.roles()));
        }
        if (after.roles().equals(before.roles()) && after.teamIds().equals(before.teamIds())) {
            return before;
        }
        directory.saveUser(after);
        gate.record(subject, Act.of(AuditActions.USER_CHANGE, "USER", before.id()), Outcome.SUCCEEDED,
                "roles " + names(before.roles()) + " -> " + names(after.roles())
                        + "; teams " + new TreeSet<>(before.teamIds()) + " -> " + new TreeSet<>(after.teamIds()));
        return after;
    }

    /** Activates or deactivates a person; a deactivated person cannot sign in and is signed out everywhere. */
    public UserAccount changeActivation(Subject subject, String personId, boolean active) {
        return unitOfWork.inOne(() -> changeActivationInUnit(subject, personId, active));
    }

    private UserAccount changeActivationInUnit(Subject subject, String personId, boolean active) {
        Target target = target(subject, personId, Action.CHANGE, AuditActions.USER_CHANGE);
        UserAccount before = target.person();
        if (!active) {
            decided(subject, AdministrationRules.deactivation(subject, before.id()), AuditActions.USER_CHANGE,
                    before.id());
        }
        if (before.active() == active) {
            return before;
        }
        if (!active && before.roles().contains(Role.ADMINISTRATOR)) {
            keepAnAdministrator(subject, target, "active true -> false");
        }
        UserAccount after = before.withActive(active);
        directory.saveUser(after);
        gate.record(subject, Act.of(AuditActions.USER_CHANGE, "USER", before.id()), Outcome.SUCCEEDED,
                "active " + before.active() + " -> " + after.active());
        return after;
    }

    /** The roles people of this kind of organisation may hold, in the order of {@link Role}. */
    public static Set<Role> assignableRoles(Organisation organisation) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (organisation.isInspectorate() ? role.heldByInspectorateStaff() : role.heldByAgencyStaff()) {
                roles.add(role);
            }
        }
        return roles;
    }

    private record Target(UserAccount person, Organisation organisation) {
    }

    private Target target(Subject subject, String personId, Action action, String auditAction) {
        UserAccount person = (personId == null ? Optional.<UserAccount>empty()
                : directory.findUser(personId)).orElseThrow(() -> {
                    gate.record(subject, Act.of(auditAction, "USER", personId), Outcome.DENIED, "no such person");
                    return new NotFound("person");
                });
        Organisation organisation = directory.findOrganisation(person.organisationId())
                .orElseThrow(() -> new IllegalStateException("person without organisation: " + person.id()));
        Resource people = AdministrationRules.peopleOf(organisation);
        Decision decision = gate.decide(subject, action, people);
        if (!decision.permitted()) {
            gate.record(subject, Act.of(auditAction, "USER", person.id()), Outcome.DENIED, decision.rule());
            // someone who may not administer the person's organisation is not told that the person exists
            throw permitted(subject, Action.LIST, people) ? new AccessDenied(decision.rule()) : new NotFound("person");
        }
        return new Target(person, organisation);
    }

    private Team ownTeam(Subject subject, String teamId, Action action, String auditAction) {
        Inspectorate own = ownInspectorate(subject, auditAction);
        Team team = (teamId == null ? Optional.<Team>empty() : directory.findTeam(teamId))
                .filter(found -> found.organisationId().equals(own.organisationId()))
                .orElseThrow(() -> {
                    gate.record(subject, Act.of(auditAction, "TEAM", teamId), Outcome.DENIED, "no such team of "
                            + own.organisationId());
                    return new NotFound("team");
                });
        require(subject, action, AdministrationRules.teamsOf(own), auditAction, "TEAM", team.id());
        return team;
    }

    private Inspectorate ownInspectorate(Subject subject, String auditAction) {
        return subject.inspectorate().orElseThrow(() -> {
            gate.record(subject, Act.of(auditAction, "TEAM", null), Outcome.DENIED,
                    AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY);
            return new AccessDenied(AdministrationRules.TEAMS_OWN_ADMINISTRATOR_ONLY);
        });
    }

    private void keepAnAdministrator(Subject subject, Target target, String change) {
        boolean anotherRemains = directory.usersOf(target.organisation().id()).stream()
                .anyMatch(other -> !other.id().equals(target.person().id()) && other.active()
                        && other.roles().contains(Role.ADMINISTRATOR));
        if (!anotherRemains) {
            gate.record(subject, Act.of(AuditActions.USER_CHANGE, "USER", target.person().id()), Outcome.REFUSED,
                    "last active administrator of " + target.organisation().id() + ": " + change);
            throw new Conflict(target.organisation().name() + " must keep at least one active administrator");
        }
    }

    private Set<Role> roles(Organisation organisation, Set<String> names) {
        Set<Role> allowed = assignableRoles(organisation);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? Set.<String>of() : names) {
            Role role = parse(name);
            if (role == null || !allowed.contains(role)) {
                throw InvalidInput.of("roles", "Choose only roles that staff of "
                        + (organisation.isInspectorate() ? "an inspectorate" : "an agency") + " may hold");
            }
            roles.add(role);
        }
        return roles;
    }

    private Set<String> teams(Organisation organisation, Set<String> teamIds) {
        Set<String> own = directory.teamsOf(organisation.id()).stream().map(Team::id).collect(Collectors.toSet());
        Set<String> given = teamIds == null ? Set.of() : teamIds;
        if (!own.containsAll(given)) {
            throw InvalidInput.of("teams", "Choose only teams of " + organisation.name());
        }
        return given;
    }

    private String uniqueTeamName(Inspectorate own, String name, String exceptTeamId) {
        String given = name(name, "name", "Enter the name of the team");
        boolean taken = directory.teamsOf(own.organisationId()).stream()
                .anyMatch(team -> !team.id().equals(exceptTeamId) && sameName(team.name(), given));
        if (taken) {
            throw InvalidInput.of("name", "There is already a team called " + given);
        }
        return given;
    }

    private static String name(String given, String field, String whenMissing) {
        String name = given == null ? "" : given.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw InvalidInput.of(field, whenMissing);
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(field, "The name must be " + MAX_NAME_LENGTH + " characters or fewer, without"
                    + " control characters");
        }
        return name;
    }

    private static AgencyType agencyType(String given) {
        for (AgencyType type : AgencyType.values()) {
            if (type.name().equals(given)) {
                return type;
            }
        }
        throw InvalidInput.of("agencyType", "Choose the type of agency");
    }

    private static Role parse(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private static boolean sameName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static String describe(Team team) {
        return "name=" + team.name() + ", reader list=" + team.onReaderList();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList().toString();
    }

    private <T> T validated(Supplier<T> check, Subject subject, String auditAction, String resourceType,
                            String resourceId) {
        try {
            return check.get();
        } catch (InvalidInput invalid) {
            gate.record(subject, Act.of(auditAction, resourceType, resourceId), Outcome.REFUSED,
                    "invalid: " + invalid.errors().stream().map(FieldError::field).distinct()
                            .collect(Collectors.joining(",")));
            throw invalid;
        }
    }

    private void decided(Subject subject, Decision decision, String auditAction, String personId) {
        if (!decision.permitted()) {
            gate.record(subject, Act.of(auditAction, "USER", personId), Outcome.DENIED, decision.rule());
            throw new AccessDenied(decision.rule());
        }
    }

    private void require(Subject subject, Action action, Resource resource, String auditAction, String resourceType,
                         String resourceId) {
        gate.require(subject, action, resource, Act.of(auditAction, resourceType, resourceId));
    }

    private boolean permitted(Subject subject, Action action, Resource resource) {
        return gate.permits(subject, action, resource);
    }

}
