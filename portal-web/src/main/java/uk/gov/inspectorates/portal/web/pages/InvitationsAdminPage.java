package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.account.AgencyAccounts;
import uk.gov.inspectorates.portal.core.account.Invitation;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/** Pending invitations to agency accounts, and the form to invite a person (administrators, per the policy). */
@WebServlet("/admin/invitations")
public class InvitationsAdminPage extends HttpServlet {

    private static final String TITLE = "Invitations";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma");

    @Inject
    AgencyAccounts accounts;


    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        try {
            render(request, response, subject, PageModel.titled(TITLE), Map.of(), Set.of(), 200);
        } catch (RuntimeException failure) {
            problem(request, response, subject, Problems.from(failure));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        Map<String, String> given = new HashMap<>();
        for (String field : List.of("displayName", "email", "organisation")) {
            given.put(field, request.getParameter(field) == null ? "" : request.getParameter(field));
        }
        String[] chosen = request.getParameterValues("roles");
        Set<Role> roles = chosen == null ? Set.of() : Arrays.stream(chosen)
                .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf).collect(Collectors.toSet());
        try {
            accounts.invite(subject, new AgencyAccounts.InvitationRequest(given.get("displayName"),
                    given.get("email"), given.get("organisation"), roles), "/invitations/");
            response.sendRedirect(request.getContextPath() + "/admin/invitations?sent="
                    + java.net.URLEncoder.encode(given.get("email"), java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            render(request, response, subject, PageModel.titled(TITLE).errors(problem), given, roles, 422);
        } catch (RuntimeException failure) {
            problem(request, response, subject, Problems.from(failure));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Subject subject, PageModel model,
                        Map<String, String> given, Set<Role> roles, int status) throws IOException {
        List<Organisation> agencies = accounts.agenciesManagedBy(subject);
        if (agencies.isEmpty()) {
            throw new AccessDenied("agency-account.manage.administrators-only");
        }
        Map<String, String> names = agencies.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        List<Map<String, Object>> pending = accounts.pendingInvitations(subject).stream()
                .map(invitation -> row(invitation, names)).toList();
        List<Map<String, Object>> agencyOptions = agencies.stream().map(o -> Map.<String, Object>of("id", o.id(),
                "name", o.name(), "selected", o.id().equals(given.get("organisation")))).toList();
        List<Map<String, Object>> roleOptions = EnumSet.allOf(Role.class).stream().filter(Role::heldByAgencyStaff)
                .map(r -> Map.<String, Object>of("name", r.name(), "label", label(r), "checked", roles.contains(r)))
                .toList();
        String sent = request.getParameter("sent");
        pages.render(response, status, "invitations-admin", model
                .signedIn(subject, PortalSession.csrfToken(request).orElse(""))
                .with("pending", pending).with("hasPending", !pending.isEmpty())
                .with("agencies", agencyOptions).with("roles", roleOptions)
                .with("displayName", given.getOrDefault("displayName", ""))
                .with("email", given.getOrDefault("email", ""))
                .with("sent", sent == null || sent.isBlank() ? null : sent).asMap());
    }

    private static Map<String, Object> row(Invitation invitation, Map<String, String> agencyNames) {
        return Map.of("name", invitation.displayName(), "email", invitation.email(),
                "agency", agencyNames.getOrDefault(invitation.organisationId(), invitation.organisationId()),
                "roles", invitation.roles().stream().map(InvitationsAdminPage::label).sorted()
                        .collect(Collectors.joining(", ")),
                "expires", WHEN.format(invitation.expiresAt().atZone(ReportPages.UK)));
    }

    static String label(Role role) {
        String words = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, Subject subject, Problem problem)
            throws IOException {
        pages.problem(response, problem, PageModel.titled(problem.title())
                .signedIn(subject, PortalSession.csrfToken(request).orElse("")));
    }
}
