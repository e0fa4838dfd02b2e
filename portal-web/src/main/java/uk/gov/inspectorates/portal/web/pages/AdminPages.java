package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.administration.OrganisationRegister;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.ProtocolReaderLists;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The administration pages of organisations and teams: the start page, the register of inspectorates, local
 * authority areas and agencies (adding areas and agencies), and the teams of the administrator's inspectorate.
 * What each person may see and change is decided by the core service; pages only show and post.
 */
@WebServlet({"/admin", "/admin/organisations/*", "/admin/teams/*"})
public class AdminPages extends HttpServlet {

    private static final Map<String, String> DONE = Map.of(
            "area-added", "Local authority area added",
            "agency-added", "Agency added",
            "team-added", "Team added",
            "team-changed", "Team changed");

    @Inject
    OrganisationAdministration administration;

    @Inject
    PageRenderer pages;

    @Inject
    uk.gov.inspectorates.portal.core.retention.RetentionAdministration retention;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            switch (AdminSupport.path(request)) {
                case "/admin" -> index(request, response, subject);
                case "/admin/organisations" -> organisations(request, response, subject, Map.of(), null, 200);
                case "/admin/teams" -> teams(request, response, subject, Map.of(), null, 200);
                case "/admin/teams/edit" -> teamForm(request, response, subject,
                        administration.team(subject, request.getParameter("team")), Map.of(), null, 200);
                default -> throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        Map<String, String> given = AdminSupport.fields(request, "name", "areaName", "agencyType", "area", "team",
                "onReaderList");
        try {
            switch (AdminSupport.path(request)) {
                case "/admin/organisations/areas" -> addArea(request, response, subject, given);
                case "/admin/organisations/agencies" -> addAgency(request, response, subject, given);
                case "/admin/teams" -> addTeam(request, response, subject, given);
                case "/admin/teams/edit" -> changeTeam(request, response, subject, given);
                default -> throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private void index(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        OrganisationAdministration.Sections sections = administration.sections(subject);
        pages.render(response, 200, "admin", AdminSupport.model(request, "Administration")
                .with("sections", Map.of("organisations", sections.organisations(), "teams", sections.teams(),
                        "people", sections.people()))
                .with("organisation", subject.organisation().name())
                .with("retention", retention.maySee(subject))
                .asMap());
    }

    private void addArea(HttpServletRequest request, HttpServletResponse response, Subject subject,
                         Map<String, String> given) throws IOException {
        try {
            administration.addArea(subject, given.get("areaName"));
        } catch (InvalidInput invalid) {
            // the area form's field is areaName: the agency form on the same page has its own name field
            InvalidInput onAreaForm = new InvalidInput(invalid.errors().stream()
                    .map(error -> new FieldError("name".equals(error.field()) ? "areaName" : error.field(),
                            error.message())).toList());
            organisations(request, response, subject, given, onAreaForm, 422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/organisations?done=area-added");
    }

    private void addAgency(HttpServletRequest request, HttpServletResponse response, Subject subject,
                           Map<String, String> given) throws IOException {
        try {
            administration.addAgency(subject, given.get("name"), given.get("agencyType"), given.get("area"));
        } catch (InvalidInput invalid) {
            organisations(request, response, subject, given, invalid, 422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/organisations?done=agency-added");
    }

    private void organisations(HttpServletRequest request, HttpServletResponse response, Subject subject,
                               Map<String, String> given, InvalidInput invalid, int status) throws IOException {
        OrganisationRegister register = administration.register(subject);
        Map<String, String> areaNames = new HashMap<>();
        register.areas().forEach(area -> areaNames.put(area.id(), area.name()));
        List<Map<String, Object>> agencies = register.agencies().stream().map(agency -> Map.<String, Object>of(
                "name", agency.name(),
                "type", agency.agencyType().title(),
                "area", areaNames.getOrDefault(agency.localAuthorityArea(), ""),
                "inspectedBy", agency.agencyType().inspectedBy().title())).toList();
        List<Map<String, Object>> types = subject.inspectorate().map(own -> Arrays.stream(AgencyType.values())
                .filter(type -> type.inspectedBy() == own)
                .map(type -> Map.<String, Object>of("value", type.name(), "label", type.title(),
                        "selected", type.name().equals(given.get("agencyType"))))
                .toList()).orElse(List.of());
        List<Map<String, Object>> areas = register.areas().stream()
                .map(area -> Map.<String, Object>of("id", area.id(), "name", area.name(),
                        "selected", area.id().equals(given.get("area"))))
                .toList();
        PageModel model = AdminSupport.model(request, "Organisations")
                .with("inspectorates", register.inspectorates().stream().map(inspectorate -> Map.<String, Object>of(
                        "name", inspectorate.name(),
                        "jtai", inspectorate.asInspectorate().map(i -> i.takesPartInJtai()).orElse(false)))
                        .toList())
                .with("areas", areas)
                .with("agencies", agencies)
                .with("agencyTypes", types)
                .with("canAddAgencies", !types.isEmpty() && !areas.isEmpty())
                .with("given", given);
        AdminSupport.done(model, request, DONE);
        if (invalid != null) {
            model.errors(Problems.from(invalid));
        }
        pages.render(response, status, "admin-organisations", model.asMap());
    }

    private void addTeam(HttpServletRequest request, HttpServletResponse response, Subject subject,
                         Map<String, String> given) throws IOException {
        try {
            administration.addTeam(subject, given.get("name"), "true".equals(given.get("onReaderList")));
        } catch (InvalidInput invalid) {
            teams(request, response, subject, given, invalid, 422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/teams?done=team-added");
    }

    private void changeTeam(HttpServletRequest request, HttpServletResponse response, Subject subject,
                            Map<String, String> given) throws IOException {
        try {
            administration.changeTeam(subject, given.get("team"), given.get("name"),
                    "true".equals(given.get("onReaderList")));
        } catch (InvalidInput invalid) {
            teamForm(request, response, subject, administration.team(subject, given.get("team")), given, invalid,
                    422);
            return;
        }
        AdminSupport.redirect(request, response, "/admin/teams?done=team-changed");
    }

    private void teams(HttpServletRequest request, HttpServletResponse response, Subject subject,
                       Map<String, String> given, InvalidInput invalid, int status) throws IOException {
        List<Team> teams = administration.teams(subject);
        PageModel model = AdminSupport.model(request, "Teams")
                .with("inspectorate", subject.organisation().name())
                .with("protocolTeams", subject.inspectorate().map(ProtocolReaderLists::teamsOf).orElse(List.of())
                        .stream().map(Team::name).toList())
                .with("teams", teams.stream().map(team -> Map.<String, Object>of(
                        "id", team.id(), "name", team.name(), "onReaderList", team.onReaderList())).toList())
                .with("given", given)
                .with("readerListChecked", "true".equals(given.get("onReaderList")));
        AdminSupport.done(model, request, DONE);
        if (invalid != null) {
            model.errors(Problems.from(invalid));
        }
        pages.render(response, status, "admin-teams", model.asMap());
    }

    private void teamForm(HttpServletRequest request, HttpServletResponse response, Subject subject, Team team,
                          Map<String, String> given, InvalidInput invalid, int status) throws IOException {
        boolean posted = invalid != null;
        PageModel model = AdminSupport.model(request, "Change team")
                .with("team", Map.of("id", team.id(), "name", posted ? Optional.ofNullable(given.get("name"))
                        .orElse("") : team.name()))
                .with("readerListChecked", posted ? "true".equals(given.get("onReaderList")) : team.onReaderList());
        if (invalid != null) {
            model.errors(Problems.from(invalid));
        }
        pages.render(response, status, "admin-team", model.asMap());
    }
}
