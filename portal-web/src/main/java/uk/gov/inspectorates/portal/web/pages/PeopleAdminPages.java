package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.administration.PersonDetails;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The people of the organisations an administrator administers: a list per organisation, and each person's page
 * with their roles (only those their kind of organisation may hold), their teams, and activation.
 */
@WebServlet("/admin/users/*")
public class PeopleAdminPages extends HttpServlet {

    static final String INVITATIONS = "/admin/invitations";
    private static final Pattern PERSON = Pattern.compile("/admin/users/([A-Za-z0-9._@-]{1,100})(/activation)?");
    private static final Map<String, String> DONE = Map.of(
            "saved", "Roles and teams saved",
            "activated", "The person can sign in again",
            "deactivated", "The person was deactivated: they cannot sign in, and their open sessions have ended");
    private static final Map<Role, String> ROLE_NAMES = new EnumMap<>(Map.of(
            Role.INSPECTOR, "Inspector",
            Role.LEAD_INSPECTOR, "Lead inspector",
            Role.DATA_ANALYST, "Data analyst",
            Role.INSPECTION_SUPPORT, "Inspection support",
            Role.READER, "Reader",
            Role.SIRO, "Senior information risk owner (SIRO)",
            Role.ADMINISTRATOR, "Administrator",
            Role.AGENCY_UPLOADER, "Agency uploader",
            Role.AGENCY_CHIEF_OFFICER, "Agency chief officer"));

    @Inject
    OrganisationAdministration administration;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            String path = AdminSupport.path(request);
            Matcher person = PERSON.matcher(path);
            if (path.equals("/admin/users")) {
                list(request, response, subject);
            } else if (person.matches() && person.group(2) == null) {
                personPage(request, response, subject, administration.person(subject, person.group(1)), null, null,
                        200);
            } else {
                throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            Matcher person = PERSON.matcher(AdminSupport.path(request));
            if (!person.matches()) {
                throw new NotFound("page");
            }
            String id = person.group(1);
            if (person.group(2) == null) {
                changeRolesAndTeams(request, response, subject, id);
            } else {
                boolean active = "true".equals(request.getParameter("active"));
                try {
                    administration.changeActivation(subject, id, active);
                } catch (Conflict conflict) {
                    personPage(request, response, subject, administration.person(subject, id), null, conflict, 409);
                    return;
                }
                AdminSupport.redirect(request, response, "/admin/users/" + id + "?done="
                        + (active ? "activated" : "deactivated"));
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private void changeRolesAndTeams(HttpServletRequest request, HttpServletResponse response, Subject subject,
                                     String id) throws IOException {
        Set<String> roles = values(request, "roles");
        Set<String> teams = values(request, "teams");
        try {
            administration.changeRolesAndTeams(subject, id, roles, teams);
        } catch (InvalidInput | Conflict refused) {
            personPage(request, response, subject, administration.person(subject, id), new Chosen(roles, teams),
                    refused, refused instanceof Conflict ? 409 : 422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/users/" + id + "?done=saved");
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        List<Organisation> administered = administration.administeredOrganisations(subject);
        String chosenId = request.getParameter("organisation");
        Organisation chosen = chosenId == null
                ? administered.stream().findFirst().orElse(subject.organisation())
                : administered.stream().filter(o -> o.id().equals(chosenId)).findFirst().orElse(null);
        if (chosen == null) {
            administration.people(subject, chosenId); // refused, and audited, by the service
            throw new NotFound("organisation");
        }
        List<UserAccount> people = administration.people(subject, chosen.id());
        PageModel model = AdminSupport.model(request, "People")
                .with("organisation", chosen.name())
                .with("hasChoices", administered.size() > 1)
                .with("organisations", administered.stream()
                        .map(o -> Map.<String, Object>of("id", o.id(), "name", o.name(),
                                "current", o.id().equals(chosen.id())))
                        .toList())
                .with("people", people.stream().map(PeopleAdminPages::row).toList())
                .with("isAgency", !chosen.isInspectorate())
                .with("invitations", INVITATIONS);
        pages.render(response, 200, "admin-users", model.asMap());
    }

    private record Chosen(Set<String> roles, Set<String> teams) {
    }

    private void personPage(HttpServletRequest request, HttpServletResponse response, Subject subject,
                            PersonDetails details, Chosen chosen, RuntimeException refused, int status)
            throws IOException {
        UserAccount person = details.person();
        Set<String> roles = chosen != null ? chosen.roles()
                : person.roles().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> teams = chosen != null ? chosen.teams() : person.teamIds();
        boolean self = person.id().equals(subject.userId());
        PageModel model = AdminSupport.model(request, person.displayName())
                .with("person", Map.of("id", person.id(), "displayName", person.displayName(),
                        "username", person.username(), "active", person.active(),
                        "organisation", details.organisation().name(), "roles", roleNames(person.roles())))
                .with("roleChoices", details.assignableRoles().stream().map(role -> Map.<String, Object>of(
                        "value", role.name(), "label", ROLE_NAMES.getOrDefault(role, role.name()),
                        "checked", roles.contains(role.name()))).toList())
                .with("teamChoices", details.teams().stream().map(team -> Map.<String, Object>of(
                        "value", team.id(), "label", team.name(), "onReaderList", team.onReaderList(),
                        "checked", teams.contains(team.id()))).toList())
                .with("hasTeams", !details.teams().isEmpty())
                .with("self", self)
                .with("backToList", "/admin/users?organisation=" + details.organisation().id());
        AdminSupport.done(model, request, DONE);
        if (refused != null) {
            model.errors(Problems.from(refused));
        }
        pages.render(response, status, "admin-user", model.asMap());
    }

    private static Map<String, Object> row(UserAccount person) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", person.id());
        row.put("displayName", person.displayName());
        row.put("username", person.username());
        row.put("roles", roleNames(person.roles()));
        row.put("active", person.active());
        return row;
    }

    private static String roleNames(Set<Role> roles) {
        String names = Arrays.stream(Role.values()).filter(roles::contains)
                .map(role -> ROLE_NAMES.getOrDefault(role, role.name())).collect(Collectors.joining(", "));
        return names.isEmpty() ? "No roles" : names;
    }

    private static Set<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(values));
    }
}
